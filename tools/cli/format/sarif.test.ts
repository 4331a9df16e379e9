import { describe, expect, it } from 'vitest';
import type { Problem } from '../../problems/problem.js';
import { artifactUri, formatSarif } from './sarif.js';

const problem = (over: Partial<Problem>): Problem => ({
  code: 'schema',
  severity: 'error',
  message: 'Found x, expected y',
  subject: 'response.created',
  location: { file: 'traces/a.jsonl', line: 3 },
  ...over,
});

type Result = {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations?: { physicalLocation?: { artifactLocation: { uri: string; uriBaseId: string }; region?: object } }[];
  partialFingerprints: Record<string, string>;
  properties?: Record<string, unknown>;
};
const sarif = (problems: Problem[], root = '/repo') =>
  JSON.parse(formatSarif({ command: 'verify', problems, data: {}, rules: { schema: 'validates against its schema' } }, { root })) as {
    version: string;
    runs: {
      tool: { driver: { name: string; version: string; rules: { id: string; shortDescription: { text: string } }[] } };
      results: Result[];
    }[];
  };

describe('sarif', () => {
  it('levels: error, warning, and info as note', () => {
    const levels = sarif([problem({}), problem({ severity: 'warning' }), problem({ severity: 'info' })]).runs[0]!.results.map(
      (r) => r.level,
    );
    expect(levels).toEqual(['error', 'warning', 'note']);
  });

  it('rules: the codes used, sorted, described by the command or by their name', () => {
    const log = sarif([problem({ code: 'sequence' }), problem({}), problem({ code: 'framing-error' })]);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]!.tool.driver.name).toBe('specmap');
    expect(log.runs[0]!.tool.driver.rules).toEqual([
      { id: 'framing-error', shortDescription: { text: 'framing error' } },
      { id: 'schema', shortDescription: { text: 'validates against its schema' } },
      { id: 'sequence', shortDescription: { text: 'sequence' } },
    ]);
    expect(log.runs[0]!.results.map((r) => [r.ruleId, r.ruleIndex])).toEqual([
      ['sequence', 2],
      ['schema', 1],
      ['framing-error', 0],
    ]);
  });

  it('fingerprints: the same across runs and line shifts; equal problems numbered; a different message differs', () => {
    const one = sarif([problem({}), problem({}), problem({ message: 'other' })]).runs[0]!.results.map((r) => r.partialFingerprints);
    const moved = sarif([
      problem({ location: { file: 'traces/a.jsonl', line: 40 } }),
      problem({}),
      problem({ message: 'other' }),
    ]).runs[0]!.results.map((r) => r.partialFingerprints);
    expect(moved).toEqual(one);
    const [a, b, c] = one.map((f) => Object.values(f)[0]!);
    expect(a).toMatch(/^[0-9a-f]{32}:1$/);
    expect(b).toBe(`${a!.slice(0, 32)}:2`);
    expect(c!.slice(0, 32)).not.toBe(a!.slice(0, 32));
  });

  it.each<[string, string, string]>([
    ['relative stays relative', 'docs/a.md', 'docs/a.md'],
    ['absolute under the root becomes relative', '/repo/docs/a.md', 'docs/a.md'],
    ['backslashes become slashes', 'docs\\a.md', 'docs/a.md'],
    ['unsafe characters are percent-encoded', 'my docs/a#1.md', 'my%20docs/a%231.md'],
  ])('artifact uri: %s', (_name, given, want) => {
    expect(artifactUri(given, '/repo')).toBe(want);
  });

  it('a place: the uri under %SRCROOT% and the region; a fix in the properties', () => {
    const [r] = sarif([problem({ location: { file: '/repo/a.md', line: 2, column: 5 }, fix: 'run sync' })]).runs[0]!.results;
    expect(r!.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'a.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: 2, startColumn: 5 },
    });
    expect(r!.properties).toEqual({ fix: 'run sync' });
    expect(r!.message.text).toBe('response.created: Found x, expected y');
  });
});
