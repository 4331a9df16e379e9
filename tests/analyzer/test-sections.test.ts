/**
 * Large test files are parsed without their quiet tests (those that mention nothing the prefilter
 * looks for): the facts must be the ones a whole parse gives, lines and columns included, whatever
 * the rest of the file declares and the quiet tests use.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type * as TS from 'typescript';
import { buildCandidates } from '../../tools/analyzer/candidates.js';
import type { FileContext, FileFacts } from '../../tools/analyzer/fact-sink.js';
import { analyzeTypeScript, mentionsOf } from '../../tools/analyzer/typescript/analyze-typescript.js';
import { compilerApi } from '../../tools/analyzer/typescript/compiler-api.js';
import { loadTypeScript } from '../../tools/analyzer/typescript/load-typescript.js';
import { blankSections, MIN_SECTIONED_LENGTH, parseSectioned, testStatements } from '../../tools/analyzer/typescript/test-sections.js';
import { analyzeFiles, removeAnalyzedFiles } from './analyze-files.js';
import { fixtureModel } from './fixture-model.js';

afterAll(removeAnalyzedFiles);

const candidates = buildCandidates({ model: fixtureModel, unknownLiteralPatterns: [] });
const ctx = (file: string): FileContext => ({ file, language: 'typescript', isTest: true, candidates });

const ts = compilerApi(loadTypeScript(false));
const parse = (content: string): TS.SourceFile =>
  ts.createSourceFile('/web/x.test.mts', content, { languageVersion: ts.ScriptTarget.Latest }, false);

const texts = (text: string): string[] => testStatements(text).map((s) => text.slice(s.start, s.end));

describe('testStatements', () => {
  it('finds each it/test statement, outermost, through strings, templates, comments and regular expressions', () => {
    const text = [
      "import { it, test } from 'vitest';",
      "describe('outer (', () => {",
      "  it('reads \\') and \"(\"', () => {",
      '    const re = /\\)[\'"`(]/g; // ) \' "',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template, scanned
      '    /* ( */ expect(`${`nested ${"}"}`}`).toBe("}");',
      "    it('inner', () => {});",
      '  });',
      "  it.only('two', async () => { await x; })",
      "  test.skip('three', () => 1 / 2 / 3);",
      "  it.each([[1]])('table %i', (n) => {});",
      "  foo(it('an argument', () => {}));",
      "  it('goes on', () => {}).timeout(5);",
      '});',
      '',
    ].join('\n');
    const found = texts(text);
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(/^it\('reads [\s\S]*\}\);$/);
    expect(found[0]).toContain("it('inner'");
    expect(found[1]).toBe("it.only('two', async () => { await x; })");
    expect(found[2]).toBe("test.skip('three', () => 1 / 2 / 3);");
  });

  it('gives nothing for a text that does not scan', () => {
    expect(testStatements("it('open, () => {});\n")).toEqual([]);
    expect(testStatements("it('x', () => { [ });\n")).toEqual([]);
  });

  it('cuts a section to its line breaks and keeps what follows on its last line at its column', () => {
    const text = "a;\r\nit('x', () => {\n  b;\r\n  });  const z = 1;\nlast;\n";
    const [s] = testStatements(text);
    const cut = blankSections(text, [s!]);
    const lines = (t: string) => t.split(/\r\n|\n/);
    expect(lines(cut)).toHaveLength(lines(text).length);
    lines(text).forEach((line, i) => {
      const z = line.indexOf('const z');
      if (z >= 0) expect(lines(cut)[i]!.indexOf('const z')).toBe(z);
    });
    expect(cut.length).toBeLessThan(text.length);
  });
});

/** A seeded generator, so that a failure names a file that can be made again. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEADERS = [
  "import { Events } from './events.mjs';",
  "const CREATED = 'response.created';",
  "const later = 'response.output_text.delta';",
  "const TERMINAL = new Set(['response.completed', 'response.failed']);",
  "const URL = 'https://api.example.com/v1/responses';",
  'async function send(request) {\n  return client.responses.create(request);\n}',
  'function plain(a, b) {\n  return a + b;\n}',
];

/** Test bodies: quiet ones (which scan like code but mention nothing) and ones that use something. */
const BODIES = [
  (i: number) => `const total = plain(${i}, 2);\nexpect(total).toBe(${i + 2});`,
  () => "expect('a(b'.split('(')).toEqual(['a', 'b']);",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template, scanned
  () => 'expect(`x${"}"}y${`{${1}`}`).toBe("x}y{1");',
  () => "expect(/\\)(?:\"|')/.test(')\"')).toBe(true); // ) ' \"",
  () => "const o = { a: [1, 2, { b: '(' }] };\n/* } ) */ expect(o.a).toHaveLength(3);",
  () => 'const ratio = 10 / 2 / 5;\nexpect(ratio).toBe(1);',
  () => 'if (event.type === CREATED) seen++;',
  () => 'if (event.type === later) seen++;',
  () => 'if (event.type === Events.CREATED) seen++;',
  () => 'switch (event.type) {\n  case Events.DONE:\n    break;\n}',
  () => 'if (TERMINAL.has(event.type)) done = true;',
  () => "await send({ model: 'm', input: 'i', previous_response_id: 'p' });",
  () => "await fetch(URL, { method: 'POST', body: JSON.stringify({ model: 'm', truncation: 'auto' }) });",
  () => "expect(event).toEqual({ type: 'response.completed', sequence_number: 1 });",
  () => 'const line = "{\\"type\\":\\"response.failed\\"}";\nexpect(JSON.parse(line).type).toBeDefined();',
  () => "expect(event.type.startsWith('response.output_text')).toBe(true);",
];

function testFile(seed: number): string {
  const next = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const out = ["import { describe, expect, it } from 'vitest';", ...HEADERS.filter(() => next() < 0.6), ''];
  let open = false;
  for (let i = 0; out.join('\n').length < MIN_SECTIONED_LENGTH * 1.2; i++) {
    if (!open && next() < 0.3) {
      out.push(`describe('group ${i}', () => {`);
      open = true;
    }
    const indent = open ? '  ' : '';
    // Mostly quiet tests, as in a real file; the rest use what the header declares or an event type.
    const body = next() < 0.8 ? pick(BODIES.slice(0, 6))(i) : pick(BODIES)(i);
    const call = pick(['it', 'test', 'it.only']);
    out.push(`${indent}${call}('case ${i}', async () => {`, ...body.split('\n').map((l) => `${indent}  ${l}`), `${indent}});`);
    if (open && next() < 0.2) {
      out.push('});');
      open = false;
    }
  }
  if (open) out.push('});');
  return `${out.join('\n')}\n`;
}

const withoutQuiet = (r: FileFacts): FileFacts => {
  const { quietClasses: _, ...rest } = r;
  return rest;
};

describe('a large test file parsed without its quiet tests', () => {
  it('gives the facts of a whole parse, on 40 generated files', async () => {
    let sectioned = 0;
    let withFacts = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const text = testFile(seed);
      const file = `web/gen-${seed}.test.mts`;
      const [cut, whole] = await analyzeTypeScript([
        { text, ctx: ctx(file) },
        { text, ctx: ctx(file), whole: true },
      ]);
      expect(withoutQuiet(cut!), `seed ${seed}`).toEqual(whole);
      if (parseSectioned(ts, text, mentionsOf(candidates), parse)) sectioned++;
      if (whole!.facts.length > 0) withFacts++;
    }
    // The property holds where it matters: most files were cut, and most have facts to keep.
    expect(sectioned).toBeGreaterThan(30);
    expect(withFacts).toBeGreaterThan(30);
  });

  it('never throws on mangled files, and gives the facts of a whole parse wherever the whole file parses cleanly', async () => {
    // Tokens that throw a scan of code off: quotes, template parts, slashes, comment marks, brackets.
    const TOKENS = ["'", '"', '`', '${', '}', '{', ')', '(', '/', '//', '/*', '*/', '\\', '\n', ']', '[', ';'];
    let clean = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const next = random(1000 + seed);
      let text = testFile((seed % 40) + 1);
      for (let k = 1 + Math.floor(next() * 3); k > 0; k--) {
        const at = Math.floor(next() * text.length);
        text = text.slice(0, at) + TOKENS[Math.floor(next() * TOKENS.length)]! + text.slice(at);
      }
      const file = `web/mangled-${seed}.test.mts`;
      const [cut, whole] = await analyzeTypeScript([
        { text, ctx: ctx(file) },
        { text, ctx: ctx(file), whole: true },
      ]);
      if (whole!.warnings.length > 0) continue;
      clean++;
      expect(withoutQuiet(cut!), `seed ${seed}`).toEqual(whole);
    }
    // Some mangled files still parse (a token inside a string or a comment): those are compared.
    expect(clean).toBeGreaterThan(5);
  });

  it('is parsed whole when the text without its quiet tests does not parse cleanly', async () => {
    // The syntax error is reported where the whole file has it, as a whole parse reports it.
    const quiet = Array.from({ length: 400 }, (_, i) => `it('q${i}', () => { expect(${i}).toBe(${i}); });`);
    const text = ['const broken = ;', "it('hit', () => { expect(e.type).toBe('response.created'); });", ...quiet, ''].join('\n');
    expect(text.length).toBeGreaterThan(MIN_SECTIONED_LENGTH);
    expect(parseSectioned(ts, text, mentionsOf(candidates), parse)).toBeUndefined();
    const [cut, whole] = await analyzeTypeScript([
      { text, ctx: ctx('web/x.test.mts') },
      { text, ctx: ctx('web/x.test.mts'), whole: true },
    ]);
    expect(cut).toEqual(whole);
    expect(whole!.warnings).toEqual([expect.objectContaining({ line: 1, column: 16 })]);
  });
});

describe('a quiet test that constructs a class the workspace ties to an event type', () => {
  it('has the file parsed whole by the workspace pass, so the test of it is found', async () => {
    const quiet = Array.from({ length: 400 }, (_, i) => `  it('q${i}', () => {\n    expect(${i}).toBe(${i});\n  });`);
    const test = [
      "import { CreatedNotice } from './notices.mjs';",
      "describe('notices', () => {",
      "  it('hit', () => { expect(e.type).toBe('response.completed'); });",
      ...quiet.slice(0, 200),
      "  it('builds one', () => {",
      '    const n = new CreatedNotice();',
      '    expect(n).toBeDefined();',
      '  });',
      ...quiet.slice(200),
      '});',
      '',
    ].join('\n');
    const { facts } = await analyzeFiles({
      'web/notices.mts': "export class CreatedNotice {\n  readonly type = 'response.created' as const;\n}\n",
      'web/notices.test.mts': test,
    });
    const line = test.split('\n').findIndex((l) => l.includes('new CreatedNotice')) + 1;
    expect(facts.filter((f) => f.file === 'web/notices.test.mts' && f.line === line)).toEqual([
      expect.objectContaining({ kind: 'test', className: 'CreatedNotice', literal: 'response.created' }),
    ]);
  });
});
