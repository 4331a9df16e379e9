/**
 * generate on a small fixture model: golden JSON Schema shapes, exhaustive dispatch, escaping,
 * manual tracker cells and edited stubs surviving regeneration, template overrides.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../tools/generate/generate.js';
import { loadTemplates } from '../../tools/generate/templates.js';
import type { Mapping } from '../../tools/mapping/schema.js';
import type { OutputFile } from '../../tools/io/write-plan.js';
import { ConfigSchema, type ConfigInput } from '../../tools/config/schema.js';
import { event, field, fixtureModel } from './fixture-model.js';
import { python, removeTempDirs, tempDir, typecheck, writeFiles } from './helpers.js';

const configOf = (generate: ConfigInput['generate'] = {}) => ConfigSchema.parse({ sources: [{ path: 'demo.md' }], generate });
const config = configOf();
const contentOf = (files: OutputFile[], path: string) => files.find((f) => f.path === path)?.content ?? '';
const existingOf = (files: OutputFile[]) => new Map(files.map((f) => [f.path, f.content]));

let files: OutputFile[];
let dir: string;
beforeAll(() => {
  files = generate(fixtureModel(), config);
  dir = tempDir('gen-fixture');
  writeFiles(dir, files);
});

afterAll(removeTempDirs);

describe('JSON Schema golden files', () => {
  // A Zod upgrade that changes the shape (anyOf → oneOf, const → enum, …) must fail here.
  for (const name of ['StreamEvent', 'ErrorEvent', 'PostWidgetsBody', 'Node', 'ResponseWebSearchCallSearchingEvent']) {
    it(`${name}.schema.json`, async () => {
      await expect(contentOf(files, `generated/json-schema/${name}.schema.json`)).toMatchFileSnapshot(`__golden__/${name}.schema.json`);
    });
  }
  it('nullable and union fields use anyOf; the discriminated event union uses oneOf', () => {
    const error = JSON.parse(contentOf(files, 'generated/json-schema/ErrorEvent.schema.json'));
    expect(Object.keys(error.properties.param)).toEqual(['anyOf']);
    expect(JSON.stringify(error)).not.toContain('oneOf');
    const union = JSON.parse(contentOf(files, 'generated/json-schema/StreamEvent.schema.json'));
    expect(Object.keys(union)).toContain('oneOf');
    expect(union.oneOf).toHaveLength(4);
  });
});

describe('generated TypeScript', () => {
  it('compiles, and a missing dispatcher case is a compile error', () => {
    // One program for both (tsc is the slow part): the generated files must be clean, the copy
    // with one case removed must fail on the `never` check.
    const broken = join(dir, 'generated/handlers/dispatch-missing.ts');
    writeFileSync(
      broken,
      readFileSync(join(dir, 'generated/handlers/dispatch.ts'), 'utf8').replace(
        / {4}case 'error':\n {6}return stubs\.handleErrorEvent\(event\);\n/,
        '',
      ),
    );
    const errors = typecheck([join(dir, 'generated/types.ts'), join(dir, 'generated/handlers/dispatch.ts'), broken]);
    expect(errors.filter((e) => !e.startsWith(broken))).toEqual([]);
    expect(errors.join('\n')).toMatch(/not assignable to parameter of type 'never'/);
  });
  it('keeps doc text inside comments and strings', () => {
    const zod = contentOf(files, 'generated/schemas.ts');
    expect(zod).toContain('a *\\/ closes comments');
    expect(zod).not.toMatch(/a \*\/ closes/);
  });
});

describe('Python output', () => {
  it('compiles, with doc text escaped in docstrings', () => {
    const r = python(['-m', 'py_compile', 'models.py', 'builders.py'], join(dir, 'generated/python'));
    expect(r.stderr).toBe('');
    expect(contentOf(files, 'generated/python/models.py')).toContain('a \\"\\"\\" ends docstrings');
  });
  it('builders produce payloads the models accept (and leave out unset optional fields)', (ctx) => {
    const check = python(['-c', 'import pydantic'], join(dir, 'generated/python'));
    if (check.status !== 0) ctx.skip('python3 cannot import pydantic');
    const r = python(
      [
        '-c',
        'import json, builders, models\ne = builders.build_response_output_text_delta(delta="x", item_id="i")\nmodels.parse_event(e)\nprint(json.dumps(e, sort_keys=True))',
      ],
      join(dir, 'generated/python'),
    );
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ type: 'response.output_text.delta', delta: 'x', item_id: 'i' });
  });
});

describe('tracker', () => {
  const tracker = () => contentOf(files, 'generated/tracker.md');
  it('has the sections in order with the built-in tools sub-section and the legend', () => {
    const headings = tracker()
      .split('\n')
      .filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# Stream event tracker',
      '## 01 Lifecycle',
      '## 02 Output content',
      '## 04 Built-in tools',
      '### Web search',
      '## 07 Errors',
    ]);
    expect(tracker()).toContain('✅ Implemented · 🟨 Partial · 🟥 Missing · ⬜ Planned · ⛔ Ignored');
  });
  it('escapes pipes in cells so rows keep their 12 columns', () => {
    const row = tracker()
      .split('\n')
      .find((l) => l.startsWith('| `response.created`'))!;
    expect(row).toContain('a \\| splits cells');
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(12);
  });
  it('keeps manual cells (Used?, Mode, Notes, a manual status) across regeneration', () => {
    const edited = tracker().replace(
      /^\| `response\.output_text\.delta` \| (.*?) \| {2}\| {2}\|(.*)\| 🟥 Missing \| {2}\|$/m,
      '| `response.output_text.delta` | $1 | yes | stream \\| batch |$2| ⛔ Ignored (manual) | see issue #12 |',
    );
    expect(edited).not.toBe(tracker());
    const path = 'generated/tracker.md';
    const again = generate(fixtureModel(), config, { existing: new Map([[path, edited]]) });
    expect(contentOf(again, path)).toBe(edited);
    // And it is still kept after a model change that adds a row.
    const grown = generate(
      fixtureModel([event('response.queued', 'lifecycle', [field('type', { kind: 'string' })], { type: 'response.queued' })]),
      config,
      { existing: new Map([[path, edited]]) },
    );
    const row = contentOf(grown, path)
      .split('\n')
      .find((l) => l.startsWith('| `response.output_text.delta`'))!;
    expect(row).toContain('| yes | stream \\| batch |');
    expect(row).toContain('| ⛔ Ignored (manual) | see issue #12 |');
    expect(contentOf(grown, path)).toContain('| `response.queued`');
  });
  it('fills code columns from mapping.json lanes, configurable per column', () => {
    const mapping: Mapping = {
      mappingVersion: 1,
      sources: {},
      lanes: [
        { name: 'inbound', title: 'In' },
        { name: 'py-models', title: 'Py' },
      ],
      orphans: {},
      unknownLiterals: [],
      summary: {},
      items: {
        'event:error': {
          kind: 'event',
          anchor: null,
          status: 'partial',
          lanes: {
            inbound: [{ file: 'app/events.py', symbol: 'ErrorEvent', line: 3, kind: 'definition' }],
            'py-models': [{ file: 'app/models.py', symbol: 'Err', line: 9, kind: 'definition' }],
          },
          manual: { notes: 'from mapping' },
        },
      },
    };
    // One column per lane of mapping.json (this config has none of its own): inbound, then py-models.
    const byDefault = contentOf(generate(fixtureModel(), config, { mapping }), 'generated/tracker.md')
      .split('\n')
      .find((l) => l.startsWith('| `error`'))!;
    expect(byDefault).toContain('|  |  | `ErrorEvent` (app/events.py) | `Err` (app/models.py) | 🟨 Partial |');
    expect(byDefault).toContain('| 🟨 Partial | from mapping |');
    const custom = configOf({ tracker: { columns: { inbound: ['py-models'] } } });
    const row = contentOf(generate(fixtureModel(), custom, { mapping }), 'generated/tracker.md')
      .split('\n')
      .find((l) => l.startsWith('| `error`'))!;
    expect(row).toContain('|  |  | `Err` (app/models.py) | — | — | — | — | 🟨 Partial |');
  });
});

describe('stubs', () => {
  it('keep a human-edited TS stub and Python builder, add stubs for new events, refresh untouched ones', () => {
    const ts = 'generated/handlers/stubs.ts';
    const py = 'generated/python/builders.py';
    const editedTs = contentOf(files, ts).replace("  // TODO: handle 'error'\n  void event;", '  console.error(event.message);');
    const editedPy = contentOf(files, py).replace(
      '    return event\n# specmap:end error',
      '    event["code"] = event.get("code") or "server_error"\n    return event\n# specmap:end error',
    );
    expect(editedTs).not.toBe(contentOf(files, ts));
    expect(editedPy).not.toBe(contentOf(files, py));
    const grown = fixtureModel([event('response.queued', 'lifecycle', [field('type', { kind: 'string' })], { type: 'response.queued' })]);
    const again = generate(grown, config, {
      existing: new Map([
        [ts, editedTs],
        [py, editedPy],
      ]),
    });
    const tsOut = contentOf(again, ts);
    expect(tsOut).toContain('  console.error(event.message);');
    expect(tsOut).toContain('export function handleResponseQueuedEvent(');
    expect(contentOf(again, py)).toContain('event["code"] = event.get("code") or "server_error"');
    expect(contentOf(again, py)).toContain('def build_response_queued(');
    // Regenerating from its own output changes nothing.
    expect(generate(grown, config, { existing: existingOf(again) }).map((f) => f.content)).toEqual(again.map((f) => f.content));
  });
  it('an edited stub for a vanished event is kept', () => {
    const ts = 'generated/handlers/stubs.ts';
    const editedTs = contentOf(files, ts).replace("  // TODO: handle 'error'\n  void event;", '  console.error(event.message);');
    const model = fixtureModel();
    model.events = model.events.filter((e) => e.type !== 'error');
    expect(contentOf(generate(model, config, { existing: new Map([[ts, editedTs]]) }), ts)).toContain('console.error(event.message);');
  });
});

describe('template overrides', () => {
  it('a file in generate.templates replaces the built-in template of the same name', () => {
    const own = tempDir('templates');
    mkdirSync(own, { recursive: true });
    writeFileSync(join(own, 'tracker.md.hbs'), '{{banner}}\n{{#each sections}}\n* {{heading}}\n{{/each}}\n');
    const out = generate(fixtureModel(), config, { templates: loadTemplates(own) });
    expect(contentOf(out, 'generated/tracker.md')).toMatch(/-->\n\* 01 Lifecycle\n\* 02 Output content\n/);
    expect(contentOf(out, 'generated/schemas.ts')).toBe(contentOf(files, 'generated/schemas.ts'));
  });
});
