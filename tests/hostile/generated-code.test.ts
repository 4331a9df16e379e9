/**
 * Generated code under hostile input, one case per defect: a NUL in a source string, a model
 * with a single event, two wire names that map to one Python name, an event type that tries to
 * leave its `specmap:begin` marker. Each case generates, writes, compiles and (for Python) runs.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../tools/config/schema.js';
import { generate, generateWithDiagnostics } from '../../tools/generate/generate.js';
import { buildEventSchemas } from '../../tools/generate/zod/runtime-schemas.js';
import type { Model, TypeExpr } from '../../tools/model/schema.js';
import { event, field, fixtureModel } from '../generate/fixture-model.js';
import { pydanticVersion, python, removeTempDirs, tempDir, typecheck, writeFiles } from '../generate/helpers.js';

const config = ConfigSchema.parse({
  sources: [{ path: 'demo.md' }],
  generate: { targets: ['zod', 'types', 'json-schema', 'tracker', 'stubs-ts', 'stubs-py', 'pydantic'] },
});

function emit(model: Model): { dir: string; read: (path: string) => string } {
  const files = generate(model, config);
  const dir = tempDir('hostile');
  writeFiles(dir, files);
  return { dir, read: (path) => files.find((f) => f.path === `generated/${path}`)!.content };
}

const tsFiles = (dir: string) =>
  ['schemas.ts', 'types.ts', 'handlers/dispatch.ts', 'handlers/stubs.ts'].map((f) => join(dir, 'generated', f));
const pyCompile = (dir: string) => python(['-m', 'py_compile', 'generated/python/models.py', 'generated/python/builders.py'], dir);

/** Runs `script` next to the generated Python with `payloads` as JSON on stdin; prints one verdict per payload. */
function pydanticVerdicts(dir: string, model: string, payloads: unknown[]): boolean[] {
  const script = [
    'import json, sys',
    'from models import ' + model,
    'for p in json.load(sys.stdin):',
    '    try:',
    `        ${model}(**p)`,
    '        print("ok")',
    '    except Exception:',
    '        print("no")',
  ].join('\n');
  const r = python(['-c', script], join(dir, 'generated/python'), JSON.stringify(payloads));
  expect(r.stderr).toBe('');
  return r.stdout
    .trim()
    .split('\n')
    .map((l) => l === 'ok');
}

const hasPydantic = pydanticVersion() !== undefined;

describe('generated code under hostile input', () => {
  afterAll(removeTempDirs);

  it('a NUL in a source string (enum value, description) gives Python that compiles and keeps the NUL', () => {
    const model = fixtureModel();
    model.events = [
      event(
        'nul.sent',
        'other',
        [field('type', { kind: 'string' }), field('mode', { kind: 'enum', values: ['a\0b', 'c'] }, { description: 'NUL \0 inside' })],
        { type: 'nul.sent', mode: 'c' },
        { description: 'A NUL: \0.' },
      ),
      ...model.events,
    ];
    const { dir, read } = emit(model);
    for (const path of ['python/models.py', 'python/builders.py', 'schemas.ts', 'tracker.md']) expect(read(path)).not.toContain('\0');
    expect(read('python/models.py')).toContain('Literal["a\\x00b", "c"]');
    expect(pyCompile(dir)).toMatchObject({ status: 0, stderr: '' });
    expect(typecheck(tsFiles(dir))).toEqual([]);
    if (hasPydantic)
      expect(
        pydanticVerdicts(dir, 'NulSentEvent', [
          { type: 'nul.sent', mode: 'a\0b' },
          { type: 'nul.sent', mode: 'ab' },
        ]),
      ).toEqual([true, false]);
  });

  it('a model with a single event gives a dispatch.ts that passes tsc --strict', () => {
    const model = fixtureModel();
    model.events = [model.events[0]!];
    const { dir, read } = emit(model);
    expect(read('handlers/dispatch.ts')).toContain("case 'response.created':");
    expect(typecheck(tsFiles(dir))).toEqual([]);
  });

  it('field names `a-b` and `a_b` stay two Pydantic fields, and Pydantic accepts exactly what Zod accepts', () => {
    const model = fixtureModel();
    const fields = [
      field('type', { kind: 'string' }),
      field('a-b', { kind: 'string' }, { required: true }),
      field('a_b', { kind: 'integer' }, { required: true }),
    ];
    model.events = [event('pair.sent', 'other', fields, { type: 'pair.sent', 'a-b': 'x', a_b: 1 }), ...model.events];
    const { dir, read } = emit(model);
    const cls = read('python/models.py').split('class PairSentEvent')[1]!.split('\n\n')[0]!;
    expect(cls).toMatch(/^ {4}a_b: int$/m);
    expect(cls).toContain('a_b2: str = Field(..., alias="a-b")');
    expect(pyCompile(dir).status).toBe(0);
    const payloads = [
      { type: 'pair.sent', 'a-b': 'x', a_b: 1 },
      { type: 'pair.sent', a_b: 1 },
      { type: 'pair.sent', 'a-b': 'x' },
      { type: 'pair.sent', 'a-b': 'x', a_b: 'one' },
      { type: 'pair.sent', a_b2: 'x', a_b: 1 },
    ];
    const zod = buildEventSchemas(model, { objects: config.generate.zodObjects }).get('pair.sent')!;
    const want = payloads.map((p) => zod.safeParse(p).success);
    expect(want).toEqual([true, false, false, false, false]);
    if (hasPydantic) expect(pydanticVerdicts(dir, 'PairSentEvent', payloads)).toEqual(want);
  });

  it('an event type with a line break cannot leave its `specmap:begin` marker in stubs.ts or builders.py', () => {
    const model = fixtureModel();
    const injected = 'x.y\nimport os; os.system("id")  #\u2028console.log(1)';
    model.events = [event(injected, 'other', [field('type', { kind: 'string' })], { type: injected }), ...model.events];
    const { dir, read } = emit(model);
    const stubs = read('handlers/stubs.ts');
    const builders = read('python/builders.py');
    expect(stubs).toContain('// specmap:begin x.y%0Aimport%20os;%20os.system("id")%20%20#%E2%80%A8console.log(1) sha256=');
    expect(builders).toContain('# specmap:begin x.y%0Aimport%20os;');
    for (const text of [stubs, builders, read('handlers/dispatch.ts'), read('types.ts'), read('schemas.ts'), read('python/models.py')]) {
      expect(text.split(/\r\n|[\n\r\u2028\u2029]/).filter((l) => /^\s*(import os|console\.log)/.test(l))).toEqual([]);
    }
    expect(typecheck(tsFiles(dir))).toEqual([]);
    expect(pyCompile(dir).status).toBe(0);
  });

  it('an edited stub whose event type has a line break is still found and kept on regeneration', () => {
    const model = fixtureModel();
    const odd = 'odd\ntype';
    model.events = [event(odd, 'other', [field('type', { kind: 'string' })], { type: odd }), ...model.events];
    const first = generate(model, config).find((f) => f.path === 'generated/handlers/stubs.ts')!.content;
    const edited = first.replace(/(specmap:begin odd%0Atype[^\n]*\n[\s\S]*?)void event;/, '$1console.info(event);');
    expect(edited).not.toBe(first);
    const again = generate(model, config, { existing: new Map([['generated/handlers/stubs.ts', edited]]) }).find(
      (f) => f.path === 'generated/handlers/stubs.ts',
    )!.content;
    expect(again).toBe(edited);
  });

  it('a hand-made model nested deeper than the stack is a diagnostic, not a crash', () => {
    let deep: TypeExpr = { kind: 'string' };
    for (let i = 0; i < 20_000; i++) deep = { kind: 'array', items: deep };
    const model = fixtureModel();
    model.schemas = { ...model.schemas, Deep: deep };
    const { files, diagnostics } = generateWithDiagnostics(model, config);
    expect(files).toEqual([]);
    expect(diagnostics).toMatchObject([{ severity: 'error', code: 'model-invalid', file: 'spec/model.json', line: 1, column: 1 }]);
    expect(diagnostics[0]!.message).toMatch(/^Found a model nested too deeply to check \(Maximum call stack size exceeded\)/);
  });
});
