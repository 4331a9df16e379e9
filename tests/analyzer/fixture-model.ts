/** A small hand-written model for the analyzer fixtures: event types, SDK class names, one endpoint's body. */
import type { Model } from '../../tools/model/schema.js';
import { withSdkClassNames } from '../../tools/sources/class-names.js';
import { plainField } from '../../tools/model/field.js';

const TYPES = [
  'response.created',
  'response.in_progress',
  'response.completed',
  'response.failed',
  'response.incomplete',
  'response.queued',
  'response.output_item.added',
  'response.output_text.delta',
  'response.output_text.done',
  'response.refusal.delta',
  'error',
  'raw_response_event',
];

const field = (name: string) => plainField(name, { required: false });

export const fixtureModel: Pick<Model, 'events' | 'endpoints' | 'params'> = {
  events: TYPES.map((type) => ({
    id: `event:${type}`,
    kind: 'event' as const,
    type,
    description: '',
    anchors: [],
    sources: [],
    category: 'other',
    fields: [],
    correlationKeys: [],
    classNames: withSdkClassNames(type, []),
  })),
  endpoints: [
    {
      id: 'endpoint:POST /v1/responses',
      kind: 'endpoint',
      method: 'POST',
      path: '/v1/responses',
      title: '',
      section: 'Responses',
      description: '',
      anchors: [],
      sources: [],
      classNames: [],
      sdkCalls: ['responses.create'],
    },
  ],
  params: ['model', 'input', 'previous_response_id', 'max_output_tokens', 'truncation'].map((name) => ({
    id: `param:POST /v1/responses#${name}`,
    kind: 'param' as const,
    endpoint: 'endpoint:POST /v1/responses',
    in: 'body' as const,
    field: field(name),
  })),
};

export const LANES = [
  { name: 'py', include: ['server/**/*.py', 'tests/**/*.py'], exclude: [], language: 'python' as const },
  { name: 'web', include: ['web/**/*.mts'], exclude: [], language: 'typescript' as const },
  { name: 'golden', include: ['traces/**/*'], exclude: [], language: 'auto' as const },
];

export const PATTERNS = ['^response\\.[a-z_]+(\\.[a-z_]+)*$'];
