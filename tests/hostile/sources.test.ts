/**
 * Hostile and careless sources, through the CLI (`specmap extract`, in-process): each is refused with a
 * located diagnostic (file:line:col, what was found, what was expected, a fix), exit 2, and no
 * model written; or, for a BOM, read exactly as the same page without one.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run-in-process.js';

const dirs: string[] = [];

/** A project folder with `files` and a config listing `sources`; returns a runner for the CLI. */
function project(files: Record<string, string | Buffer>, sources: object[]) {
  const dir = mkdtempSync(join(tmpdir(), 'specmap-hostile-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  writeFileSync(join(dir, 'specmap.config.json'), JSON.stringify({ sources }));
  return {
    dir,
    extract: (...args: string[]) => runInProcess(dir, ['extract', ...args]),
    modelWritten: () => existsSync(join(dir, 'spec/model.json')),
    model: () =>
      JSON.parse(readFileSync(join(dir, 'spec/model.json'), 'utf8')) as {
        events: { id: string; description: string; anchors: string[]; fields: { description: string; anchors: string[] }[] }[];
      },
  };
}

const PAGE = `# Gadget API

## gadget.built

Sent when a gadget is ready — café.

gadget\\_id

string

Which gadget.

type

string

Always \`gadget.built\`.
`;

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('hostile sources', () => {
  it('a BOM on a docs page is dropped: the same descriptions and anchors as without it', async () => {
    const plain = project({ 'gadgets.md': PAGE }, [{ path: 'gadgets.md' }]);
    const bom = project({ 'gadgets.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PAGE)]) }, [{ path: 'gadgets.md' }]);
    expect((await plain.extract()).code).toBe(0);
    expect((await bom.extract()).code).toBe(0);
    const strip = (m: ReturnType<typeof plain.model>) =>
      m.events.map((e) => ({
        id: e.id,
        description: e.description,
        anchors: e.anchors,
        fields: e.fields.map((f) => [f.description, f.anchors]),
      }));
    expect(strip(bom.model())).toEqual(strip(plain.model()));
    expect(bom.model().events[0]!.description).toBe('Sent when a gadget is ready — café.');
    expect(bom.model().events[0]!.anchors).toEqual(['gadgets.md:3-17']);
  });

  it('a Latin-1 page is an error at the first bad byte, with its offset, not U+FFFD', async () => {
    const latin1 = Buffer.from(PAGE.replace(' — café', ' cafe'), 'utf8');
    const at = latin1.indexOf('cafe') + 3;
    latin1[at] = 0xe9; // "café" in Latin-1
    const p = project({ 'gadgets.md': latin1 }, [{ path: 'gadgets.md' }]);
    const r = await p.extract();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `gadgets.md:5:32: error Found byte 0xE9 at byte offset ${at} that is not valid UTF-8, expected UTF-8 text [source-not-utf8]`,
    );
    expect(r.stderr).toMatch(
      /fix: convert the file to UTF-8; a Latin-1 \(ISO-8859-1\) file converts with `iconv -f LATIN1 -t UTF-8 gadgets\.md`/,
    );
    expect(r.stderr).not.toContain('\ufffd');
    expect(p.modelWritten()).toBe(false);
  });

  it('a 50 MB page is refused before it is read', async () => {
    const p = project({ 'gadgets.md': PAGE }, [{ path: 'gadgets.md' }, { path: 'huge.md' }]);
    writeFileSync(join(p.dir, 'huge.md'), '');
    truncateSync(join(p.dir, 'huge.md'), 50 * 1024 * 1024);
    const r = await p.extract();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'huge.md:1:1: error Found a 50.0 MB openai-docs source (52428800 bytes), expected at most 4.0 MB [source-too-large]',
    );
    expect(r.stderr).toContain('fix: split the page');
    expect(p.modelWritten()).toBe(false);
  }, 60_000);

  it.each([
    ['a 10,000-deep list on one line', `${'- '.repeat(10_000)}x\n`, 7, 1, 'more than 256'],
    ['10,000 nested block quotes', `${'> '.repeat(10_000)}x\n`, 7, 1, 'more than 256'],
    [
      'a list indented 200 levels deep',
      Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n') + '\n',
      206,
      399,
      '200',
    ],
  ])(
    '%s is refused at its deepest line, not parsed',
    async (_name, nested, line, column, depth) => {
      const p = project({ 'deep.md': `# Deep\n\n## gadget.built\n\nSent.\n\n${nested}` }, [{ path: 'deep.md' }]);
      const r = await p.extract();
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        `deep.md:${line}:${column}: error Found lists or block quotes nested ${depth} levels deep, expected at most 64 [source-too-deep]`,
      );
      expect(r.stderr).not.toMatch(/internal error|RangeError/);
      expect(p.modelWritten()).toBe(false);
    },
    60_000,
  );

  it('a deeply nested OpenAPI document is an error about that file, not an internal error', async () => {
    const deep = `${'{"allOf":['.repeat(20_000)}{"type":"string"}${']}'.repeat(20_000)}`;
    const doc = `{"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{"/responses":{"post":{"responses":{"200":{"description":"d","content":{"text/event-stream":{"schema":{"type":"object","properties":{"type":{"const":"deep.event"},"x":${deep}}}}}}}}}}}`;
    const p = project({ 'deep.json': doc }, [{ path: 'deep.json' }]);
    const r = await p.extract();
    expect(r.stderr).not.toMatch(/internal error|please report/);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/deep\.json:1:1: error Found structures nested too deeply to read .*\[source-too-deep\]/);
    expect(p.modelWritten()).toBe(false);
  }, 60_000);

  it.each([
    [
      'an OpenAPI schema 1,000 arrays deep (it parsed, then overflowed the stack in generate)',
      'deep.json',
      `{"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{"/responses":{"post":{"responses":{"200":{"description":"d","content":{"text/event-stream":{"schema":{"type":"object","properties":{"type":{"const":"deep.event"},"x":${'{"type":"array","items":'.repeat(1000)}{"type":"string"}${'}'.repeat(1000)}}}}}}}}}}}`,
      'deep.json:1:1: error Found the fields of event:deep.event nested more than 64 levels deep, expected at most 64 [source-too-deep]',
    ],
    [
      'a docs example 5,000 arrays deep',
      'deep.md',
      `# T\n\n## gadget.built\n\nSent.\n\ntype\n\nstring\n\nAlways.\n\nOBJECT gadget.built\n\n\`\`\`json\n{"type":"gadget.built","x":${'['.repeat(5000)}${']'.repeat(5000)}}\n\`\`\`\n`,
      'deep.md:15:1: error Found the example of event:gadget.built nested more than 64 levels deep, expected at most 64 [source-too-deep]',
    ],
  ])(
    '%s is refused at extract time, and no later stage sees it',
    async (_name, file, text, want) => {
      const p = project({ [file]: text }, [{ path: file }]);
      const extract = await p.extract();
      expect(extract.code).toBe(2);
      expect(extract.stderr).toContain(want);
      expect(p.modelWritten()).toBe(false);
      const sync = await runInProcess(p.dir, ['sync']);
      expect(sync.stderr).not.toMatch(/internal error|RangeError/);
      expect(sync.code).toBe(2);
    },
    60_000,
  );

  it('ids that are not printable single-line text are refused at extract time, every one, at its line', async () => {
    const yaml = [
      'openapi: 3.1.0',
      'info: { title: t, version: "1" }',
      'paths:',
      '  /responses:',
      '    post:',
      '      requestBody:',
      '        content:',
      '          application/json:',
      '            schema:',
      '              type: object',
      '              properties:',
      '                mode:',
      '                  type: string',
      '                  enum: ["fast", "slow\\0"]',
      '      responses:',
      '        "200":',
      '          description: A stream.',
      '          content:',
      '            text/event-stream:',
      '              schema:',
      '                oneOf:',
      '                  - type: object',
      '                    properties:',
      '                      type: { const: "gadget.built\\nimport os; os.system(\\"id\\")" }',
      '                  - type: object',
      '                    properties:',
      '                      type: { const: gadget.failed }',
      '                      "why\\u2028not": { type: string }',
      '',
    ].join('\n');
    const p = project({ 'api.yaml': yaml }, [{ path: 'api.yaml' }]);
    const r = await p.extract();
    expect(r.code).toBe(2);
    const errors = r.stderr.split('\n').filter((l) => l.includes('[id-not-printable]'));
    expect(errors).toEqual([
      'api.yaml:12:1: error Found enum value of parameter "mode" "slow\\u0000" with a NUL (U+0000) at character 5, expected printable single-line text (it becomes an id, code and file content) [id-not-printable]',
      'api.yaml:22:1: error Found event type "gadget.built\\nimport os; os.system(\\"id\\")" with a line feed (U+000A) at character 13, expected printable single-line text (it becomes an id, code and file content) [id-not-printable]',
      'api.yaml:26:1: error Found field name in event "gadget.failed" "why\\u2028not" with a line separator (U+2028) at character 4, expected printable single-line text (it becomes an id, code and file content) [id-not-printable]',
    ]);
    expect(r.stderr).toContain('fix: remove the character from the source');
    expect(p.modelWritten()).toBe(false);
  });

  it('diff reads its sides like every source: a BOM is no change, a Latin-1 side is an error', async () => {
    const latin1 = Buffer.from(PAGE.replace(' — café', ' cafe'), 'utf8');
    latin1[latin1.indexOf('cafe') + 3] = 0xe9;
    const p = project(
      { 'old.md': PAGE, 'bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PAGE)]), 'latin1.md': latin1 },
      [{ path: 'old.md' }],
    );
    const run = (...args: string[]) => runInProcess(p.dir, ['diff', ...args]);
    const same = await run('old.md', 'bom.md');
    expect(same.stderr).toBe('');
    expect(same.code).toBe(0);
    const bad = await run('old.md', 'latin1.md');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('latin1.md:5:32: error Found byte 0xE9 at byte offset');
  });
});
