/**
 * A type alias that is a union of object types declares one shape per member: a definition's
 * `type` literal in one member carries that member's fields, so a library's own stream part
 * (`{ type: 'error'; error: unknown }`) can be told from the spec's event by its fields, as an
 * interface can. A member that adds a base of the same file has the base's fields too.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { isOtherShape } from '../../tools/mapping/shape-check.js';
import { universalFields } from '../../tools/model/event-families.js';
import { analyzeFiles, removeAnalyzedFiles } from './analyze-files.js';

afterAll(removeAnalyzedFiles);

const definitions = (facts: readonly { kind: string; line: number; literal?: string; fields?: string[] }[]) =>
  facts.filter((f) => f.kind === 'definition').map((f) => `${f.line} ${f.literal} [${f.fields?.join(',') ?? 'open'}]`);

describe('TypeScript union members as shapes', () => {
  it("gives each member of a union alias its own fields, its base's too when the file declares it", async () => {
    const { facts } = await analyzeFiles({
      'web/parts.mts': [
        'interface Envelope { sequence_number: number }',
        'export type Part =',
        "  | { type: 'response.created'; response: unknown; sequence_number: number }",
        "  | (Envelope & { type: 'response.completed'; response: unknown })",
        "  | { type: 'error'; error: unknown };",
        '',
      ].join('\n'),
    });
    expect(definitions(facts)).toEqual([
      '3 response.created [type,response,sequence_number]',
      '4 response.completed [sequence_number,type,response]',
      '5 error [type,error]',
    ]);
  });

  it("tells the library's own error part from the spec's error event, and keeps the spec's", async () => {
    const spec = [
      { name: 'type', required: true },
      { name: 'code', required: true },
      { name: 'message', required: true },
      { name: 'sequence_number', required: true },
    ];
    const others = [
      { fields: [...spec] },
      {
        fields: [
          { name: 'type', required: true },
          { name: 'sequence_number', required: true },
        ],
      },
      {
        fields: [
          { name: 'type', required: true },
          { name: 'sequence_number', required: true },
        ],
      },
    ];
    const envelope = universalFields(others);
    const { facts } = await analyzeFiles({
      'web/mine.mts': "export type Mine = { type: 'start' } | { type: 'error'; error: unknown };\n",
      'web/theirs.mts':
        "export type Theirs = { type: 'error'; code: string; message: string; sequence_number: number } | { type: 'response.created' };\n",
    });
    const fieldsAt = (file: string) => facts.find((f) => f.kind === 'definition' && f.literal === 'error' && f.file === file)?.fields;
    expect(isOtherShape(spec, fieldsAt('web/mine.mts') ?? [], envelope)).toBe(true);
    expect(isOtherShape(spec, fieldsAt('web/theirs.mts') ?? [], envelope)).toBe(false);
  });
});
