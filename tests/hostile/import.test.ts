/** `specmap import` adopts a legacy SPEC_TO_CODE_MAPPING and nothing else. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeProject, type Project } from './project.js';

let p: Project | undefined;
afterEach(() => {
  p?.cleanup();
  p = undefined;
});

const PACKAGE_JSON = `{
  "name": "some-app",
  "version": "1.0.0",
  "scripts": { "test": "vitest" }
}
`;

describe('import of a file that is not a legacy mapping', () => {
  it('package.json is refused with a located diagnostic; mapping.json is not written', async () => {
    p = makeProject();
    p.write('package.json', PACKAGE_JSON);
    const run = await p.run('import', 'package.json');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /package\.json:1:1: error Found an object with keys `name`, `version`, `scripts`, expected at least one of `endpoints`, `request_parameters`, `streaming_events`/,
    );
    expect(existsSync(join(p.dir, 'mapping.json'))).toBe(false);
  });

  it.each([
    [
      'an endpoint key that is not METHOD /path',
      '{\n  "endpoints": {\n    "create response": { "implemented": true }\n  }\n}\n',
      /x\.json:3:5: error Found key `create response` in `endpoints`, expected an endpoint `METHOD \/path`/,
    ],
    [
      'an entry that is not an object',
      '{\n  "streaming_events": {\n    "response.created": true\n  }\n}\n',
      /x\.json:3:5: error Found boolean `true` at `streaming_events\.response\.created`, expected an object/,
    ],
    [
      'a section that is not an object',
      '{\n  "streaming_events": []\n}\n',
      /x\.json:2:3: error Found an array at `streaming_events`, expected an object/,
    ],
    [
      'a duplicate event (a merge that would drop a note)',
      '{\n  "streaming_events": {\n    "response.created": {},\n    "response.created": {}\n  }\n}\n',
      /x\.json:4:5: error Found key `response\.created` in `streaming_events` a second time \(first at x\.json:3:5\)/,
    ],
  ])('%s is refused at its line and column', async (_name, text, want) => {
    p = makeProject();
    p.write('x.json', text);
    const run = await p.run('import', 'x.json');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(want);
    expect(existsSync(join(p.dir, 'mapping.json'))).toBe(false);
  });

  it('values nested 20,000 deep are refused at once, not an internal error', async () => {
    p = makeProject();
    p.write('deep.json', `{"streaming_events":{"response.created":{"a":${'['.repeat(20_000)}${']'.repeat(20_000)}}}}`);
    const run = await p.run('import', 'deep.json');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/deep\.json:1:\d+: error Found values nested more than 64 levels deep/);
    expect(run.stderr).not.toContain('internal error');
  });

  it('a legacy-shaped file is accepted', async () => {
    p = makeProject();
    p.write(
      'legacy.json',
      JSON.stringify({ version: '1', streaming_events: { 'response.created': { implemented: true, notes: 'ok' } } }, null, 2),
    );
    const run = await p.run('import', 'legacy.json');
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(p.read('mapping.json')).items['event:response.created'].manual.legacy).toBeDefined();
  });
});
