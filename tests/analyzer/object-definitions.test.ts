/**
 * API objects declared by their `object` field: a class, interface, type alias or top-level Zod
 * object whose `object` is the object's string defines that object, in either language; the same
 * string anywhere else (a value built, a nested shape, a dict key) is only a word. An `object`
 * value two objects share (`list`) names neither.
 */
import { describe, expect, it } from 'vitest';
import { buildCandidates } from '../../tools/analyzer/candidates.js';
import { buildPrefilter } from '../../tools/analyzer/prefilter.js';
import { analyzePython } from '../../tools/analyzer/python/analyze-python.js';
import { analyzeTypeScript } from '../../tools/analyzer/typescript/analyze-typescript.js';
import { plainField } from '../../tools/model/field.js';
import type { ObjectItem } from '../../tools/model/schema.js';
import { fixtureModel } from './fixture-model.js';

const object = (name: string, value: string | undefined): ObjectItem => ({
  id: `object:${name}`,
  kind: 'object',
  name,
  title: name,
  description: '',
  anchors: [],
  sources: [],
  fields: [
    plainField('id'),
    plainField('object', { type: value === undefined ? { kind: 'string' } : { kind: 'literal', value } }),
    plainField('status'),
  ],
  classNames: [],
});

const candidates = buildCandidates({
  model: {
    ...fixtureModel,
    objects: [
      object('response', 'response'),
      object('conversation', 'conversation'),
      object('item_list', 'list'),
      object('input_item_list', 'list'),
      object('untyped', undefined),
    ],
  },
  unknownLiteralPatterns: [],
});

const show = (facts: readonly { line: number; kind: string; symbol: string; object?: string; evidence?: string; fields?: string[] }[]) =>
  facts
    .filter((f) => f.object !== undefined)
    .map((f) => `${f.line} ${f.kind} ${f.symbol} ${f.object} (${f.evidence}) [${f.fields?.join(',') ?? ''}]`);

describe('API objects by their object field', () => {
  it('keeps only the object values one object has', () => {
    expect([...candidates.objectByValue]).toEqual([
      ['response', 'response'],
      ['conversation', 'conversation'],
    ]);
  });

  it('picks a file that declares one for parsing, and not one that only says the word', () => {
    const picked = buildPrefilter(candidates);
    expect(picked('class R(BaseModel):\n    object: Literal["response"] = "response"\n')).toBe(true);
    expect(picked("export interface C {\n  object?: 'conversation';\n}\n")).toBe(true);
    expect(picked("const s = z.object({ object: z.literal('response') });\n")).toBe(true);
    expect(picked('label = "response"\nobject = None\n')).toBe(false);
  });

  it('Python: a class field, by annotation or default, once per class', async () => {
    const text = [
      'class ResponseObject(BaseModel):',
      '    id: str',
      '    object: Literal["response"] = "response"',
      '    status: str',
      'class Conversation(BaseModel):',
      '    object = "conversation"',
      'class Page(BaseModel):',
      '    object: Literal["list"] = "list"',
      'def build():',
      '    object = "response"',
      '    return {"object": "response", "kind": "response"}',
      '',
    ].join('\n');
    const [out] = await analyzePython([{ text, ctx: { file: 'app/models.py', language: 'python', isTest: false, candidates } }]);
    expect(show(out!.facts)).toEqual([
      '3 definition ResponseObject response (Literal object field) [id,object,status]',
      '6 definition Conversation conversation (default of object field) []',
    ]);
  });

  it('TypeScript: an interface, a class property, a type alias and a top-level Zod object', async () => {
    const text = [
      'export interface ResponseBody {',
      '  id: string;',
      "  object: 'response';",
      '}',
      'export class ConversationDto {',
      "  readonly object = 'conversation';",
      '}',
      "export type Tagged = { object: 'response' | 'conversation'; status: string };",
      "export const responseSchema = z.object({ id: z.string(), object: z.literal('response') });",
      // A value built, a nested shape, a type argument: no declaration of the object.
      "const built = { object: 'response' };",
      "export interface Holder { inner: { object: 'response' } }",
      "type Picked = Extract<Union, { object: 'response' }>;",
      "export const pageSchema = z.object({ object: z.literal('list') });",
      '',
    ].join('\n');
    const [out] = await analyzeTypeScript([{ text, ctx: { file: 'src/models.ts', language: 'typescript', isTest: false, candidates } }]);
    expect(show(out!.facts)).toEqual([
      '3 definition ResponseBody response (object property) [id,object]',
      '6 definition ConversationDto conversation (object property) [object]',
      '8 definition Tagged response (object property) [object,status]',
      '8 definition Tagged conversation (object property) [object,status]',
      '9 definition responseSchema response (z.literal object) [id,object]',
    ]);
  });

  it('TypeScript: the other schema libraries’ objects of literals declare events and objects as Zod’s do', async () => {
    const text = [
      "import { Schema } from 'effect';",
      "import { Type } from '@sinclair/typebox';",
      "import * as v from 'valibot';",
      'const Seq = Schema.Struct({ sequence_number: Schema.Number });',
      'export const Created = Schema.Struct({',
      "  type: Schema.Literal('response.created'),",
      '  response: Schema.Unknown,',
      '});',
      'export const Completed = Schema.extend(',
      "  Schema.Struct({ type: Schema.Literal('response.completed'), response: Schema.Unknown }),",
      '  Seq,',
      ');',
      "export const ResponseObj = Schema.Struct({ id: Schema.String, object: Schema.Literal('response') });",
      "export const Failed = Type.Composite([Type.Object({ type: Type.Literal('response.failed') }), Type.Object({ error: Type.Any() })]);",
      "export const Queued = v.object({ type: v.literal('response.queued'), sequence_number: v.number() });",
      // Nested in another shape: a word, not a declaration.
      "export const Outer = Schema.Struct({ last: Schema.Struct({ type: Schema.Literal('response.in_progress') }) });",
      '',
    ].join('\n');
    const [out] = await analyzeTypeScript([{ text, ctx: { file: 'src/schemas.ts', language: 'typescript', isTest: false, candidates } }]);
    expect(
      out!.facts
        .filter((f) => f.kind === 'definition')
        .map((f) => `${f.line} ${f.symbol} ${f.literal ?? f.object} (${f.evidence}) [${f.fields?.join(',') ?? ''}]`),
    ).toEqual([
      '6 Created response.created (z.literal type) [type,response]',
      '10 Completed response.completed (z.literal type) [type,response,sequence_number]',
      '13 ResponseObj response (z.literal object) [id,object]',
      '14 Failed response.failed (z.literal type) [type,error]',
      '15 Queued response.queued (z.literal type) [type,sequence_number]',
    ]);
  });
});
