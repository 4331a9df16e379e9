/** A hand-made model and config for the mapping unit tests (no corpus, no analyzer). */
import type { CodeFact } from '../../tools/analyzer/facts.js';
import { ConfigSchema, type Config } from '../../tools/config/schema.js';
import type { Event, Field, Model, TypeExpr } from '../../tools/model/schema.js';

const field = (name: string, type: TypeExpr, extra: Partial<Field> = {}): Field => ({
  name,
  type,
  required: null,
  nullable: false,
  deprecated: false,
  description: '',
  collapsed: false,
  sources: ['events.md'],
  anchors: [],
  ...extra,
});

const event = (type: string, line: number, fields: string[], classNames: string[] = []): Event => ({
  id: `event:${type}`,
  kind: 'event',
  type,
  description: '',
  anchors: [`events.md:${line}-${line + 9}`],
  sources: ['events.md'],
  category: type.startsWith('response.output') ? 'output' : 'lifecycle',
  fields: ['type', ...fields].map((f) => field(f, { kind: 'string' })),
  correlationKeys: [],
  classNames,
});

export function smallModel(): Model {
  const create = 'endpoint:POST /v1/responses';
  const param = (name: string, line: number, type: TypeExpr, extra: Partial<Field> = {}) => ({
    id: `param:POST /v1/responses#${name}`,
    kind: 'param' as const,
    endpoint: create,
    in: 'body' as const,
    field: field(name, type, { required: false, sources: ['api.md'], anchors: [`api.md:${line}-${line + 2}`], ...extra }),
  });
  return {
    modelVersion: 1,
    sources: [
      { id: 'events.md', kind: 'openai-docs', path: 'events.md', sha256: 'a'.repeat(64) },
      { id: 'api.md', kind: 'openai-docs', path: 'api.md', sha256: 'b'.repeat(64) },
    ],
    events: [
      event('response.created', 10, ['response', 'sequence_number'], ['ResponseCreatedEvent']),
      event('response.output_text.delta', 30, ['delta', 'item_id', 'sequence_number'], ['ResponseTextDeltaEvent']),
      event('response.completed', 20, ['response', 'sequence_number']),
    ],
    endpoints: [
      {
        id: create,
        kind: 'endpoint',
        method: 'POST',
        path: '/v1/responses',
        title: 'Create',
        section: 'Responses',
        description: '',
        anchors: ['api.md:1-50'],
        sources: ['api.md'],
        classNames: [],
      },
      {
        id: 'endpoint:GET /v1/responses/{response_id}',
        kind: 'endpoint',
        method: 'GET',
        path: '/v1/responses/{response_id}',
        title: 'Get',
        section: 'Responses',
        description: '',
        anchors: ['api.md:60-80'],
        sources: ['api.md'],
        classNames: [],
      },
    ],
    params: [
      param('model', 5, { kind: 'string' }),
      param('stream', 8, { kind: 'boolean' }, { default: false }),
      param('top_p', 11, { kind: 'number' }, { default: 1 }),
      param('include', 14, { kind: 'array' }),
      param('input', 17, { kind: 'union', variants: [{ kind: 'string' }, { kind: 'array' }] }),
    ],
    enums: ['a.b', 'c.d', 'e.f'].map((v, i) => ({
      id: `enum:POST /v1/responses#include=${v}`,
      kind: 'enum' as const,
      param: 'param:POST /v1/responses#include',
      value: v,
      description: '',
      anchors: [`api.md:${15 + i}`],
      sources: ['api.md'],
    })),
    objects: [],
    schemas: {},
  };
}

export function smallConfig(extra: Record<string, unknown> = {}): Config {
  return ConfigSchema.parse({
    sources: [{ path: 'events.md' }, { path: 'api.md' }],
    workspace: 'ws',
    lanes: [
      { name: 'inbound', title: 'Inbound', include: ['backend/**/*.py'], exclude: ['backend/tests/**'], kinds: ['definition'] },
      { name: 'outbound', title: 'Outbound', include: ['backend/**/*.py'], exclude: ['backend/tests/**'], kinds: ['emitter'] },
      { name: 'server', title: 'Server', include: ['backend/**/*.py'], kinds: ['route', 'param'] },
      { name: 'handler', title: 'Handler', include: ['web/**/*.ts'], kinds: ['handler'] },
      { name: 'golden', title: 'Golden', include: ['traces/**', 'backend/tests/**'], kinds: ['test'] },
    ],
    status: { implemented: ['inbound', 'outbound', 'handler', 'golden'] },
    ...extra,
  });
}

type FactInput = Omit<CodeFact, 'column' | 'language'> & Partial<Pick<CodeFact, 'column' | 'language'>>;
export const fact = (f: FactInput): CodeFact =>
  ({ column: 1, language: f.file.endsWith('.ts') ? 'typescript' : f.file.endsWith('.py') ? 'python' : 'trace', ...f }) as CodeFact;

export function sampleFacts(): CodeFact[] {
  return [
    fact({ file: 'backend/events.py', line: 5, kind: 'definition', symbol: 'Created', literal: 'response.created' }),
    // As the analyzer hands them over: a class name already resolved through bindings to its literal.
    fact({
      file: 'backend/stream.py',
      line: 12,
      kind: 'emitter',
      symbol: 'build_created',
      className: 'ResponseCreatedEvent',
      literal: 'response.created',
      target: 'openai.types.responses.ResponseCreatedEvent',
    }),
    fact({ file: 'web/reducer.ts', line: 7, kind: 'handler', symbol: 'reduce', literal: 'response.created' }),
    fact({ file: 'traces/a.sse', line: 1, kind: 'test', symbol: 'a.sse', literal: 'response.created' }),
    fact({ file: 'traces/a.sse', line: 4, kind: 'test', symbol: 'a.sse', literal: 'response.output_text.delta' }),
    fact({ file: 'web/reducer.ts', line: 9, kind: 'handler', symbol: 'reduce', literal: 'response.output_text.delta' }),
    fact({ file: 'backend/stream.py', line: 20, kind: 'emitter', symbol: 'build_tool_delta', literal: 'response.tool_call.delta' }),
    fact({
      file: 'backend/routes.py',
      line: 3,
      kind: 'route',
      symbol: 'create',
      method: 'POST',
      path: '/responses',
      className: 'CreateRequest',
      target: 'backend/req.py#CreateRequest',
    }),
    fact({ file: 'backend/routes.py', line: 9, kind: 'route', symbol: 'fetch', method: 'get', path: '/v1/responses/:id' }),
    fact({ file: 'backend/req.py', line: 2, kind: 'param', symbol: 'CreateRequest', field: 'model', declaredType: 'str', optional: false }),
    fact({
      file: 'backend/req.py',
      line: 3,
      kind: 'param',
      symbol: 'CreateRequest',
      field: 'stream',
      declaredType: 'bool',
      optional: true,
      default: 'False',
    }),
    fact({
      file: 'backend/req.py',
      line: 4,
      kind: 'param',
      symbol: 'CreateRequest',
      field: 'top_p',
      declaredType: 'Optional[float]',
      optional: true,
      default: '0.9',
    }),
    fact({
      file: 'backend/req.py',
      line: 5,
      kind: 'param',
      symbol: 'CreateRequest',
      field: 'include',
      declaredType: 'Optional[list[Literal["a.b", "x.y"]]]',
      optional: true,
      values: ['a.b', 'x.y'],
    }),
    fact({ file: 'backend/req.py', line: 6, kind: 'param', symbol: 'CreateRequest', field: 'colour', declaredType: 'str', optional: true }),
  ];
}
