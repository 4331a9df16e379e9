/**
 * The two adapters on code nobody meant to write: the analyzer's and the accuracy fixtures' files, cut, spliced and
 * sprinkled with the fragments the fact readers look for (decorators, route calls, SSE lines, string
 * literals, brackets left open). Whatever the text, an adapter returns facts and warnings and never
 * throws; every fact points at a line of the file, and a file that does not parse says so.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCandidates } from '../../tools/analyzer/candidates.js';
import { analyzePython } from '../../tools/analyzer/python/analyze-python.js';
import { analyzeTypeScript } from '../../tools/analyzer/typescript/analyze-typescript.js';
import { fixtureModel } from './fixture-model.js';

const TESTS = join(import.meta.dirname, '..');
const candidates = buildCandidates({ model: fixtureModel, unknownLiteralPatterns: [] });

/** The analyzer's and the accuracy fixtures' files of one language, by path under tests/. */
function seeds(ext: RegExp): { file: string; text: string }[] {
  const dirs = [join(TESTS, 'analyzer/fixtures/ws'), join(TESTS, 'accuracy/fixtures')];
  return dirs.flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => ext.test(f) && !f.includes('.out'))
      .sort()
      .map((f) => ({ file: relative(TESTS, join(dir, f)).split('\\').join('/'), text: readFileSync(join(dir, f), 'utf8') })),
  );
}

const PY = seeds(/\.py$/);
const TS = seeds(/\.m?ts$/);

/** What the readers key on, so that mutations reach them rather than only breaking the syntax. */
const FRAGMENTS = [
  '\n',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  ':',
  '"',
  "'",
  '`',
  '${',
  '**',
  '@',
  '"/v1/responses"',
  "'/v1/responses/:id'",
  '"event: response.created\\n"',
  'f"event: {x}\\n"',
  '"response.created"',
  "'response.completed'",
  'type',
  ' == ',
  ' === ',
  ' if x else ',
  'self._post(',
  '.add_api_route(',
  '.route(',
  '.on(',
  'web.get(',
  'maybe_transform(',
  'client.responses.create(',
  '@Post()',
  '@Controller(',
  '@Body() ',
  'class A(TypedDict, total=False):\n    model: Required[str]\n',
  'def f(request):\n    ',
  'async ',
  'export ',
  'const x = ',
];

/** Cuts, duplicated slices and inserted fragments, at positions drawn as fractions of the text. */
const mutation = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat(60) }),
    fc.record({ kind: fc.constant('copy' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat(200) }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      text: fc.constantFrom(...FRAGMENTS),
    }),
  ),
  { minLength: 1, maxLength: 8 },
);

function mutate(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of edits) {
    const at = Math.floor(e.at * out.length);
    if (e.kind === 'cut') out = out.slice(0, at) + out.slice(at + e.length);
    else if (e.kind === 'copy') out = out.slice(0, at) + out.slice(at, at + e.length) + out.slice(at);
    else out = out.slice(0, at) + e.text + out.slice(at);
  }
  return out;
}

type Edit =
  | { kind: 'cut'; at: number; length: number }
  | { kind: 'copy'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string };

function wellFormed(file: string, text: string, result: { facts: { file: string; line: number; column: number }[] }): void {
  const lines = text.split('\n').length;
  for (const f of result.facts) {
    expect(f.file).toBe(file);
    expect(f.line).toBeGreaterThanOrEqual(1);
    expect(f.line).toBeLessThanOrEqual(lines);
    expect(f.column).toBeGreaterThanOrEqual(1);
  }
}

describe('the adapters on mutated code', () => {
  const analyzers: [string, 'python' | 'typescript', typeof PY, typeof analyzePython][] = [
    ['Python', 'python', PY, analyzePython],
    ['TypeScript', 'typescript', TS, analyzeTypeScript],
  ];
  it.each(analyzers)('%s: facts for any text, each at a line of it, and never a throw', async (_name, language, files, analyze) => {
    let facts = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...files), mutation, fc.boolean(), async (seed, edits, isTest) => {
        const text = mutate(seed.text, edits as Edit[]);
        const [result] = await analyze([{ text, ctx: { file: seed.file, language, isTest, candidates } }]);
        wellFormed(seed.file, text, result!);
        facts += result!.facts.length;
      }),
      { numRuns: 800 },
    );
    // The mutations left the readers plenty to read: this is not a test of empty files.
    expect(facts).toBeGreaterThan(800);
  });
});
