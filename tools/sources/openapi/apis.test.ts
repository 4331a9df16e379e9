import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import type { SourceConfig } from '../../config/schema.js';
import { extractOpenApi } from './read.js';

const source = { id: 'a.yaml', kind: 'openapi' as const, path: 'a.yaml', sha256: '0'.repeat(64) };
const stream = (ref: string) =>
  `{ responses: { "200": { description: OK, content: { text/event-stream: { schema: { $ref: "#/components/schemas/${ref}" } } } } } }`;
const doc = (extra = '') =>
  [
    'openapi: 3.1.0',
    'info: { title: t, version: "1" }',
    'paths:',
    `  /things: { post: ${stream('ThingEvent')} }`,
    `  /chunks: { post: ${stream('Chunk')} }`,
    '  /other: { get: { responses: { "204": { description: none } } } }',
    'components:',
    '  schemas:',
    '    ThingEvent: { oneOf: [ { $ref: "#/components/schemas/Made" }, { $ref: "#/components/schemas/Lost" } ] }',
    '    Made: { type: object, properties: { type: { const: thing.made } } }',
    '    Lost: { type: object, properties: { type: { type: string, enum: [thing.lost] } } }',
    '    Chunk: { type: object, properties: { object: { const: chunk }, text: { type: string } } }',
    '    Other: { oneOf: [ { $ref: "#/components/schemas/Ping" } ] }',
    '    Ping: { type: object, properties: { type: { const: ping } } }',
    extra,
  ].join('\n');

const read = (apis?: SourceConfig['apis'], text = doc()) => {
  const bag = new DiagnosticBag();
  const x = extractOpenApi(text, source, bag, apis ? { apis } : {});
  return {
    events: x.events.map((e) => e.id),
    endpoints: x.endpoints.map((e) => `${e.api ?? ''} ${e.id}`.trim()),
    diagnostics: bag.items.map((d) => `${d.code}: ${d.message}`),
  };
};

describe('API scopes of an OpenAPI source', () => {
  const cases: [string, { apis?: SourceConfig['apis']; want: Partial<ReturnType<typeof read>> }][] = [
    [
      'no profile, no apis: every path, every stream; a plain chunk is one event named after its schema',
      {
        want: {
          events: ['event:thing.made', 'event:thing.lost', 'event:Chunk'],
          endpoints: ['endpoint:POST /v1/things', 'endpoint:POST /v1/chunks', 'endpoint:GET /v1/other'],
          diagnostics: [],
        },
      },
    ],
    [
      'one scope of its own: only its paths, ids bare',
      {
        apis: [{ name: 'things', paths: ['/things/**'] }],
        want: { events: ['event:thing.made', 'event:thing.lost'], endpoints: ['endpoint:POST /v1/things'] },
      },
    ],
    [
      'several: ids carry the API, a path goes to the first scope that takes it, named unions and discriminators',
      {
        apis: [
          { name: 'things', paths: ['/things/**'] },
          { name: 'chunks', paths: ['/chunks/**'], discriminator: 'object' },
          { name: 'rest', paths: ['/**'], events: 'Other' },
        ],
        want: {
          events: ['event:things/thing.made', 'event:things/thing.lost', 'event:chunks/chunk', 'event:rest/ping'],
          endpoints: ['things endpoint:POST /v1/things', 'chunks endpoint:POST /v1/chunks', 'rest endpoint:GET /v1/other'],
          diagnostics: [],
        },
      },
    ],
    [
      'a name no profile defines is an error, the rest still read',
      {
        apis: ['realtime', { name: 'things', paths: ['/things/**'] }],
        want: {
          events: ['event:thing.made', 'event:thing.lost'],
          diagnostics: [expect.stringMatching(/^unknown-api: Found API `realtime` in the source's `apis`, expected a scope object/)],
        },
      },
    ],
    [
      'a name given twice is an error',
      {
        apis: [
          { name: 'a', paths: ['/things/**'] },
          { name: 'a', paths: ['/chunks/**'] },
        ],
        want: { diagnostics: ["duplicate-api: Found API `a` twice in the source's `apis`, expected each name once"] },
      },
    ],
  ];
  it.each(cases)('%s', (_name, { apis, want }) => {
    expect(read(apis)).toMatchObject(want);
  });

  it('a document the bundled OpenAI profile detects reads its default API, and its API names resolve', () => {
    const openai = doc('    ResponseStreamEvent: { oneOf: [ { $ref: "#/components/schemas/Ping" } ] }');
    expect(read(undefined, openai)).toEqual({ events: ['event:ping'], endpoints: [], diagnostics: [] });
    expect(read(['responses', 'realtime'], openai).diagnostics).toEqual([]);
  });
});

describe('eventPath: chunks that wrap their events', () => {
  const wrapped = doc(
    '    Wrapper: { type: object, properties: { event: { type: object, properties: { payload: { $ref: "#/components/schemas/ThingEvent" } } } } }',
  ).replace('/chunks: { post: ' + stream('Chunk'), '/chunks: { post: ' + stream('Wrapper'));
  it('follows the path to the union; its members are the events', () => {
    expect(read([{ name: 'w', paths: ['/chunks/**'], eventPath: ['event', 'payload'] }], wrapped)).toMatchObject({
      events: ['event:thing.made', 'event:thing.lost'],
      diagnostics: [],
    });
  });
  it('a path that leads nowhere is a warning at the stream schema', () => {
    expect(read([{ name: 'w', paths: ['/chunks/**'], eventPath: ['event', 'nope'] }], wrapped).diagnostics).toEqual([
      "openapi-event-path: Found no `event.nope` in the stream schema `Wrapper`, expected the API's eventPath to lead to its events",
    ]);
  });
});
