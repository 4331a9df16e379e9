/**
 * Property: whatever text the model carries (event types, field names, enum values, defaults,
 * descriptions, schema names), every generated file is code that compiles and nothing from the
 * text runs. Arbitrary strings, with hostile fragments mixed in (line breaks of every language,
 * NUL, comment and string terminators, lone surrogates, bidi controls, `__proto__`), and an
 * injected line after a line break.
 *
 * Batched: each run puts EVENTS_PER_RUN arbitrary events (plus a request body and a named shape
 * with arbitrary names) into one model, so RUNS runs cover RUNS × EVENTS_PER_RUN cases with only
 * RUNS compiler runs. On failure the message names the events the errors point at; shrinking
 * is off (each step would be a compiler run).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../tools/config/schema.js';
import { markerKey } from '../../tools/generate/escape.js';
import { generateWithDiagnostics } from '../../tools/generate/generate.js';
import { parseRegions } from '../../tools/generate/regions.js';
import type { Event, Field, JsonValue, Model, TypeExpr } from '../../tools/model/schema.js';
import { MODEL_VERSION } from '../../tools/model/version.js';
import { pydanticVersion, python3Path, removeTempDirs, tempDir, typecheck, writeFiles } from '../generate/helpers.js';

// One batch of 1,000 rather than two of 500: the same cases, and the compiler's and Python's start
// (program, Zod's declarations, pydantic's import) paid once, ~3 s less.
const RUNS = 1;
const EVENTS_PER_RUN = 1000;

/** A line that must never start a line of generated code: it would run. */
const INJECTED = 'INJECTED_LINE = __import__("os").getpid()';

const FRAGMENTS = [
  '\n',
  '\r',
  '\r\n',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u000b',
  '\u000c',
  '\0',
  '\t',
  '\u202e',
  '\ufeff',
  '*/',
  '/*',
  '//',
  '#',
  '"""',
  "'''",
  '"',
  "'",
  '`',
  '${',
  '\\',
  '\\n',
  '|',
  '%',
  ' ',
  '{{',
  '}}',
  '<!--',
  '-->',
  '__proto__',
  'constructor',
  'toString',
  'type',
  'None',
  'class',
  'str',
  'from',
  'model_config',
  'a-b',
  'a_b',
  '0',
  '',
];

/** Lone surrogates: the model refuses them in ids and values (tools/sources check-text), so only prose carries them here. */
const LONE = ['\ud800', '\udfff'];
const textOf = (fragments: readonly string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
    { weight: 3, arbitrary: fc.array(fc.constantFrom(...fragments), { maxLength: 6 }).map((xs) => xs.join('')) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.string({ maxLength: 6 }), fc.constantFrom('\n', '\r', '\r\n', '\u2028', '\u2029'))
        .map(([a, br]) => `${a}${br}${INJECTED}`),
    },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  );
/** Names and values: type names, field names, enum and literal values, schema names. */
const text = textOf(FRAGMENTS);
/** Descriptions. */
const prose = textOf([...FRAGMENTS, ...LONE]);
const name = text.filter((s) => s.length > 0);

const leafType: fc.Arbitrary<TypeExpr> = fc.oneof(
  fc.constant<TypeExpr>({ kind: 'string' }),
  fc.constant<TypeExpr>({ kind: 'integer' }),
  fc.constant<TypeExpr>({ kind: 'boolean' }),
  fc.constant<TypeExpr>({ kind: 'object' }),
  fc.array(text, { minLength: 1, maxLength: 4 }).map((values): TypeExpr => ({ kind: 'enum', values })),
  text.map((value): TypeExpr => ({ kind: 'literal', value })),
  fc.constant<TypeExpr>({ kind: 'ref', name: 'shape' }),
);

const fieldOf = (type: fc.Arbitrary<TypeExpr>): fc.Arbitrary<Field> =>
  fc
    .record({
      name,
      type,
      required: fc.constantFrom(true, false, null),
      nullable: fc.boolean(),
      deprecated: fc.boolean(),
      description: prose,
      default: fc.option(fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<JsonValue>, { nil: undefined }),
    })
    .map(({ default: d, ...f }) => ({
      ...f,
      ...(d === undefined ? {} : { default: d }),
      collapsed: false,
      sources: ['hostile.md'],
      anchors: ['hostile.md:1-2'],
    }));

const fields = (type: fc.Arbitrary<TypeExpr>) => fc.uniqueArray(fieldOf(type), { selector: (f) => f.name, maxLength: 4 });
const nested = fields(leafType).map((fs): TypeExpr => ({ kind: 'object', fields: fs }));
const anyType: fc.Arbitrary<TypeExpr> = fc.oneof(
  leafType,
  nested,
  leafType.map((items): TypeExpr => ({ kind: 'array', items })),
  leafType.map((values): TypeExpr => ({ kind: 'map', values })),
);

const eventArb = fc.record({ type: name, description: prose, fields: fields(anyType) });

interface Case {
  events: { type: string; description: string; fields: Field[] }[];
  body: Field[];
  shapeName: string;
  shape: Field[];
}
const caseArb: fc.Arbitrary<Case> = fc.record({
  events: fc.uniqueArray(eventArb, { selector: (e) => e.type, minLength: EVENTS_PER_RUN, maxLength: EVENTS_PER_RUN }),
  body: fields(anyType),
  // Named shapes keep their PascalCased name: these would collide with names the modules use.
  shapeName: fc.oneof(
    name,
    fc.constantFrom('none', 'true', 'list', 'dict', 'optional', 'any', 'base_model', 'field', 's', 't', 'z', 'stream_event', 'event_type'),
  ),
  shape: fields(leafType),
});

function modelOf(c: Case): Model {
  const events: Event[] = c.events.map((e, i) => ({
    id: `event:${e.type}`,
    kind: 'event',
    type: e.type,
    description: e.description,
    anchors: [`hostile.md:${i + 1}-${i + 2}`],
    sources: ['hostile.md'],
    category: 'other',
    fields: e.fields,
    correlationKeys: [],
    classNames: [],
  }));
  return {
    modelVersion: MODEL_VERSION,
    sources: [{ id: 'hostile.md', kind: 'openapi', path: 'hostile.md', sha256: '0'.repeat(64) }],
    events,
    endpoints: [
      {
        id: 'endpoint:POST /v1/things',
        kind: 'endpoint',
        description: 'Makes things.',
        anchors: ['hostile.md:1-2'],
        sources: ['hostile.md'],
        method: 'POST',
        path: '/v1/things',
        title: 'Make a thing',
        section: 'Things',
        classNames: [],
      },
    ],
    params: c.body.map((field) => ({
      id: `param:POST /v1/things#${field.name}`,
      kind: 'param',
      endpoint: 'endpoint:POST /v1/things',
      in: 'body',
      field,
    })),
    enums: [],
    objects: [],
    // `ref` leaves point at `shape`; the arbitrary name is a second, unreferenced shape.
    schemas: { shape: { kind: 'object', fields: c.shape }, [c.shapeName]: { kind: 'object', fields: c.shape } },
  };
}

const config = ConfigSchema.parse({
  sources: [{ path: 'hostile.md' }],
  generate: { targets: ['zod', 'types', 'json-schema', 'tracker', 'stubs-ts', 'stubs-py', 'pydantic'] },
});
const LINE = /\r\n|[\n\r\u2028\u2029]/;

/** Every problem of one generated batch, each naming the event it comes from when it can. */
function problemsOf(c: Case): string[] {
  const model = modelOf(c);
  const { files, diagnostics } = generateWithDiagnostics(model, config);
  const problems = diagnostics.filter((d) => d.severity === 'error').map((d) => `generate: ${d.file}:${d.line} ${d.message}`);
  if (problems.length) return problems;
  const again = generateWithDiagnostics(model, config).files;
  if (JSON.stringify(again) !== JSON.stringify(files)) problems.push('generate: same model, different bytes');

  for (const f of files) {
    f.content.split(LINE).forEach((line, i) => {
      if (line.trimStart().startsWith(INJECTED))
        problems.push(`${f.path}:${i + 1}: an input line is written unescaped: ${JSON.stringify(line)}`);
    });
    if (/[\0\u2028\u2029]/.test(f.content) && !f.path.endsWith('.json')) problems.push(`${f.path}: a raw NUL or U+2028/U+2029`);
  }
  const stubs = files.find((f) => f.path.endsWith('handlers/stubs.ts'))!.content;
  const builders = files.find((f) => f.path.endsWith('python/builders.py'))!.content;
  const want = c.events.map((e) => markerKey(e.type));
  for (const [file, text, comment] of [
    ['stubs.ts', stubs, '//'],
    ['builders.py', builders, '#'],
  ] as const) {
    const keys = parseRegions(text, comment).map((r) => r.key);
    if (JSON.stringify(keys) !== JSON.stringify(want)) problems.push(`${file}: the region markers do not read back as the event types`);
  }

  const dir = tempDir('prop');
  writeFiles(dir, files);
  const ts = files.filter((f) => f.path.endsWith('.ts')).map((f) => join(dir, f.path));
  problems.push(
    ...typecheck(ts)
      .slice(0, 20)
      .map((d) => `tsc: ${d}`),
  );
  const py = files.filter((f) => f.path.endsWith('.py')).map((f) => join(dir, f.path));
  const compiled = spawnSync(python3Path(), ['-m', 'py_compile', ...py], { encoding: 'utf8' });
  if (compiled.status !== 0) problems.push(`py_compile: ${compiled.stderr.slice(0, 2000)}`);
  else if (pydanticVersion()) {
    // Loading runs every class body: a field that shadows a name the body reads later fails here, not in py_compile.
    const loaded = spawnSync(python3Path(), ['-c', 'import models, builders'], { cwd: join(dir, 'generated/python'), encoding: 'utf8' });
    if (loaded.status !== 0) problems.push(`import: ${loaded.stderr.slice(-2000)}`);
  }
  return problems;
}

/** The events whose anchors the problem lines mention, so a failure shows its input. */
function explain(c: Case, problems: string[]): string {
  return problems.join('\n') + '\n\nfirst event types: ' + JSON.stringify(c.events.slice(0, 3).map((e) => e.type));
}

describe('generated code from hostile text', () => {
  // SPECMAP_KEEP=1 keeps the generated batches for a look.
  afterAll(() => (process.env.SPECMAP_KEEP ? undefined : removeTempDirs()));

  it(`compiles (tsc --strict, py_compile, import) and never writes an input line raw: ${RUNS * EVENTS_PER_RUN} arbitrary events`, () => {
    let cases = 0;
    let failure = '';
    const seed = process.env.SPECMAP_FC_SEED ? Number(process.env.SPECMAP_FC_SEED) : undefined;
    const details = fc.check(
      fc.property(caseArb, (c) => {
        cases += c.events.length;
        const problems = problemsOf(c);
        failure = problems.length ? explain(c, problems) : '';
        return problems.length === 0;
      }),
      { numRuns: RUNS, endOnFailure: true, ...(seed === undefined ? {} : { seed }) },
    );
    // fast-check's own report prints the whole batch; this names the problems and the seed to replay it.
    if (details.failed) throw new Error(`${failure}\n\nreplay: SPECMAP_FC_SEED=${details.seed} npx vitest run ${import.meta.filename}`);
    expect(cases).toBeGreaterThanOrEqual(1000);
  }, 600_000);
});
