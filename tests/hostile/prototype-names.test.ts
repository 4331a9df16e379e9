/**
 * Item names that are also Object.prototype's (`constructor`, `toString`, `__proto__`,
 * `hasOwnProperty`, `valueOf`): as event types, field names, schema names and example keys they
 * are ordinary names. Through the CLI: sync, where, crosscheck, diff and check; and the pure
 * functions that used plain-object lookups.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { propertyRules } from '../../tools/generate/shape/field-rules.js';
import { sortKeysDeep } from '../../tools/model/sort.js';
import { field } from '../generate/fixture-model.js';
import { runInProcess } from '../helpers/run-in-process.js';

const PAGE = `# Hostile names

## constructor

Sent when something is built.

item\\_id

string

Which item.

type

string

Always \`constructor\`.

OBJECT constructor

\`\`\`json
{
  "type": "constructor",
  "item_id": "i1"
}
\`\`\`
`;

const API = `openapi: 3.1.0
info: { title: t, version: "1" }
paths:
  /responses:
    post:
      responses:
        "200":
          description: A stream.
          content:
            text/event-stream:
              schema:
                oneOf:
                  - $ref: "#/components/schemas/constructor"
                  - type: object
                    properties:
                      type: { const: toString }
                      __proto__: { $ref: "#/components/schemas/__proto__" }
                  - type: object
                    properties:
                      type: { const: __proto__ }
                      hasOwnProperty: { type: integer }
components:
  schemas:
    constructor:
      type: object
      required: [type, item_id]
      properties:
        type: { const: constructor }
        item_id: { type: string }
        valueOf: { $ref: "#/components/schemas/valueOf" }
    __proto__:
      type: object
      properties:
        constructor: { type: string }
    valueOf:
      type: string
`;

const CODE = `export function handle(event: { type: string }): number {
  switch (event.type) {
    case 'constructor': return 1;
    case 'toString': return 2;
    case '__proto__': return 3;
  }
  return 0;
}
`;

const dir = mkdtempSync(join(tmpdir(), 'specmap-proto-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The CLI's program in this process (tests/helpers/run-in-process.ts). */
const specmap = (...args: string[]) => runInProcess(dir, args);

describe('names that are also Object.prototype names', () => {
  it('sync, where, crosscheck, diff and check treat them as ordinary ids', async () => {
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'events.md'), PAGE);
    writeFileSync(join(dir, 'api.yaml'), API);
    writeFileSync(join(dir, 'src/app.ts'), CODE);
    writeFileSync(
      join(dir, 'specmap.config.json'),
      JSON.stringify({
        sources: [{ path: 'events.md' }, { path: 'api.yaml' }],
        workspace: '.',
        lanes: [{ name: 'handler', title: 'Handler', include: ['src/**/*.ts'], language: 'typescript', kinds: ['handler'] }],
      }),
    );
    const sync = await specmap('sync');
    expect(sync.stderr).not.toMatch(/internal error/);
    expect(sync.code).toBe(0);

    const model = JSON.parse(readFileSync(join(dir, 'spec/model.json'), 'utf8'));
    expect(model.events.map((e: { id: string }) => e.id)).toEqual(['event:constructor', 'event:toString', 'event:__proto__']);
    expect(Object.keys(model.schemas)).toEqual(['__proto__', 'valueOf']);
    expect(Object.keys(JSON.parse(readFileSync(join(dir, 'mapping.json'), 'utf8')).items)).toEqual(
      expect.arrayContaining(['event:constructor', 'event:toString', 'event:__proto__']),
    );

    for (const [query, line] of [
      ['constructor', 3],
      ['toString', 4],
      ['__proto__', 5],
    ] as const) {
      const r = await specmap('where', query);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`event:${query}  `);
      expect(r.stdout).toContain(`src/app.ts:${line}  handle  (handler`);
    }
    expect(await specmap('where', 'hasOwnProperty')).toMatchObject({ code: 1, stdout: '' });

    const cross = await specmap('crosscheck');
    expect(cross.stderr).not.toMatch(/internal error/);
    expect(cross.stdout).toContain('event:constructor#valueOf: only in api.yaml');
    expect(await specmap('diff', 'spec/model.json', 'spec/model.json')).toMatchObject({ code: 0 });
    expect(await specmap('check')).toMatchObject({ code: 0 });
  }, 120_000);

  it('a source file named `constructor` is reported like any other', async () => {
    writeFileSync(join(dir, 'constructor'), PAGE);
    const config = JSON.parse(readFileSync(join(dir, 'specmap.config.json'), 'utf8'));
    config.sources[0].path = 'constructor';
    writeFileSync(join(dir, 'specmap.config.json'), JSON.stringify(config));
    const sync = await specmap('sync');
    expect(sync.stderr).not.toMatch(/internal error/);
    expect(sync.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'reports/report.json'), 'utf8'));
    expect(report.sources.map((s: object) => Object.keys(s))).toEqual([
      ['id', 'kind', 'path', 'sha256'],
      ['id', 'kind', 'path', 'sha256'],
    ]);
    expect(await specmap('check')).toMatchObject({ code: 0 });
  }, 120_000);

  it('a field named like a prototype member is optional when the example leaves it out', () => {
    const rules = propertyRules(
      [field('constructor', { kind: 'string' }), field('toString', { kind: 'string' }), field('item_id', { kind: 'string' })],
      { anchor: 'a.md:1', value: { item_id: 'i' } },
    );
    expect(rules.map((r) => [r.name, r.optional])).toEqual([
      ['constructor', true],
      ['toString', true],
      ['item_id', false],
    ]);
  });

  it('sorting keys keeps a `__proto__` key as data', () => {
    const sorted = sortKeysDeep(JSON.parse('{"b":1,"__proto__":{"x":1},"a":2}')) as Record<string, unknown>;
    expect(Object.keys(sorted)).toEqual(['__proto__', 'a', 'b']);
    expect(JSON.stringify(sorted)).toBe('{"__proto__":{"x":1},"a":2,"b":1}');
  });
});
