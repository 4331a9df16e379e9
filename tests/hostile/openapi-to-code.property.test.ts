/**
 * Property, end to end from the source the injection came through: an OpenAPI document whose
 * event types, field names, enum values, defaults and descriptions are arbitrary strings.
 * Extraction either refuses a value with `id-not-printable` (exactly the values that are not
 * printable single-line text, and nothing else goes wrong) or keeps it byte for byte; the model
 * of the accepted values then generates code that compiles. One batch of 200 events per run.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../tools/config/schema.js';
import { DiagnosticBag } from '../../tools/diagnostics/diagnostic.js';
import { generateWithDiagnostics } from '../../tools/generate/generate.js';
import type { Model } from '../../tools/model/schema.js';
import { shown, unprintable } from '../../tools/sources/check-text.js';
import { buildFromFiles, sha256 } from '../../tools/sources/load.js';
import { python3Path, removeTempDirs, tempDir, typecheck, writeFiles } from '../generate/helpers.js';

const RUNS = 2;
const EVENTS_PER_RUN = 200;

const FRAGMENTS = [
  '\n',
  '\r',
  '\u2028',
  '\u2029',
  '\0',
  '\t',
  '\u202e',
  '\ufeff',
  '\ud800',
  '*/',
  '"""',
  "'",
  '"',
  '\\',
  '`',
  '${',
  '#',
  '|',
  '%',
  ' ',
  '$ref',
  '~1',
  '/',
  '__proto__',
  'constructor',
  'toString',
  'a-b',
  'a_b',
];
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 10 }),
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 5 }).map((xs) => xs.join('')),
  fc.string({ maxLength: 10 }),
);
const name = text.filter((s) => s.trim().length > 0 && s !== 'type');

interface FieldIn {
  name: string;
  description: string;
  values: string[];
  default: string;
}
interface EventIn {
  type: string;
  description: string;
  fields: FieldIn[];
}

const fieldArb: fc.Arbitrary<FieldIn> = fc.record({
  name,
  description: text,
  values: fc.uniqueArray(text, { maxLength: 3 }),
  default: text,
});
const eventArb: fc.Arbitrary<EventIn> = fc.record({
  type: name,
  description: text,
  fields: fc.uniqueArray(fieldArb, { selector: (f) => f.name, maxLength: 3 }),
});
const batch = fc.uniqueArray(eventArb, { selector: (e) => e.type, minLength: EVENTS_PER_RUN, maxLength: EVENTS_PER_RUN });

function documentOf(events: readonly EventIn[]): string {
  const member = (e: EventIn) => ({
    type: 'object',
    description: e.description,
    required: ['type'],
    properties: Object.fromEntries([
      ['type', { type: 'string', const: e.type }],
      ...e.fields.map((f) => [
        f.name,
        f.values.length > 1
          ? { type: 'string', enum: f.values, description: f.description }
          : { type: 'string', description: f.description, default: f.default },
      ]),
    ]),
  });
  const doc = {
    openapi: '3.1.0',
    info: { title: 'Hostile', version: '1' },
    paths: {
      '/responses': {
        post: {
          responses: { '200': { description: 'A stream.', content: { 'text/event-stream': { schema: { oneOf: events.map(member) } } } } },
        },
      },
    },
  };
  return JSON.stringify(doc, null, 1);
}

const config = ConfigSchema.parse({
  sources: [{ path: 'hostile.json' }],
  generate: { targets: ['zod', 'types', 'stubs-ts', 'stubs-py', 'pydantic'] },
});

async function extract(text: string): Promise<{ model: Model; bag: DiagnosticBag }> {
  const bag = new DiagnosticBag();
  const file = {
    config: config.sources[0]!,
    info: { id: 'hostile.json', kind: 'openapi' as const, path: 'hostile.json', sha256: sha256(text) },
    text,
  };
  return { model: await buildFromFiles([file], config, bag), bag };
}

const idValues = (e: EventIn): string[] => [e.type, ...e.fields.flatMap((f) => [f.name, ...(f.values.length > 1 ? f.values : [])])];

async function problemsOf(events: EventIn[]): Promise<string[]> {
  const problems: string[] = [];
  // 1. Everything as written: exactly the unprintable ids are refused, nothing else fails.
  const all = await extract(documentOf(events));
  const errors = all.bag.items.filter((d) => d.severity === 'error');
  for (const d of errors.filter((x) => x.code !== 'id-not-printable')) problems.push(`unexpected ${d.code}: ${d.message}`);
  const refused = new Set(errors.filter((d) => d.code === 'id-not-printable').map((d) => d.message));
  const bad = new Set(events.flatMap(idValues).filter((v) => unprintable(v)));
  for (const v of bad)
    if (![...refused].some((m) => m.includes(shown(v)))) problems.push(`not refused: ${shown(v)} (refused: ${refused.size})`);
  for (const m of refused) if (![...bad].some((v) => m.includes(shown(v)))) problems.push(`refused a printable id: ${m}`);

  // 2. Only printable ids: kept byte for byte, and the generated code compiles.
  const clean = events
    .filter((e) => !unprintable(e.type))
    .map((e) => ({
      ...e,
      fields: e.fields.filter((f) => !unprintable(f.name)).map((f) => ({ ...f, values: f.values.filter((v) => !unprintable(v)) })),
    }));
  const ok = await extract(documentOf(clean));
  for (const d of ok.bag.items.filter((x) => x.severity === 'error')) problems.push(`clean document: ${d.code}: ${d.message}`);
  const types = new Set(ok.model.events.map((e) => e.type));
  for (const e of clean) if (!types.has(e.type)) problems.push(`event type not kept: ${JSON.stringify(e.type)}`);
  for (const e of ok.model.events) {
    const want = clean.find((c) => c.type === e.type);
    const names = e.fields
      .map((f) => f.name)
      .filter((n) => n !== 'type')
      .sort();
    if (want && JSON.stringify(names) !== JSON.stringify(want.fields.map((f) => f.name).sort()))
      problems.push(`fields of ${JSON.stringify(e.type)} not kept: ${JSON.stringify(names)}`);
  }
  if (problems.length) return problems;
  const { files, diagnostics } = generateWithDiagnostics(ok.model, config);
  for (const d of diagnostics.filter((x) => x.severity === 'error')) problems.push(`generate: ${d.message}`);
  const dir = tempDir('oa-prop');
  writeFiles(dir, files);
  problems.push(
    ...typecheck(files.filter((f) => f.path.endsWith('.ts')).map((f) => join(dir, f.path)))
      .slice(0, 10)
      .map((d) => `tsc: ${d}`),
  );
  const py = spawnSync(python3Path(), ['-m', 'py_compile', ...files.filter((f) => f.path.endsWith('.py')).map((f) => join(dir, f.path))], {
    encoding: 'utf8',
  });
  if (py.status !== 0) problems.push(`py_compile: ${py.stderr.slice(0, 2000)}`);
  return problems;
}

describe('an OpenAPI source full of hostile strings', () => {
  afterAll(() => (process.env.SPECMAP_KEEP ? undefined : removeTempDirs()));

  it(`refuses exactly the unprintable ids, keeps the rest byte for byte, and the code compiles: ${RUNS * EVENTS_PER_RUN} events`, async () => {
    let failure = '';
    const seed = process.env.SPECMAP_FC_SEED ? Number(process.env.SPECMAP_FC_SEED) : undefined;
    const details = await fc.check(
      fc.asyncProperty(batch, async (events) => {
        const problems = await problemsOf(events);
        failure = problems.slice(0, 30).join('\n');
        return problems.length === 0;
      }),
      { numRuns: RUNS, endOnFailure: true, ...(seed === undefined ? {} : { seed }) },
    );
    if (details.failed) throw new Error(`${failure}\n\nreplay: SPECMAP_FC_SEED=${details.seed} npx vitest run ${import.meta.filename}`);
    expect(details.numRuns).toBe(RUNS);
  }, 600_000);
});
