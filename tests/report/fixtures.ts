/** A small hand-made model and mapping (our own words), enough to exercise every report section. */
import type { LaneConfig } from '../../tools/config/schema.js';
import type { Mapping, MappingEntry } from '../../tools/mapping/schema.js';
import type { Field, Model } from '../../tools/model/schema.js';
import { plainField } from '../../tools/model/field.js';

const SHA = (c: string) => c.repeat(64);

function field(name: string, extra: Partial<Field> = {}): Field {
  return plainField(name, { description: 'a field', sources: ['page.md'], ...extra });
}

export function tinyModel(): Model {
  return {
    modelVersion: 1,
    sources: [{ id: 'page.md', kind: 'openai-docs', path: 'docs/page.md', sha256: SHA('a') }],
    events: [
      {
        id: 'event:thing.started',
        kind: 'event',
        type: 'thing.started',
        category: 'lifecycle',
        description: 'starts',
        anchors: ['page.md:10-20'],
        sources: ['page.md'],
        fields: [field('type'), field('seq')],
        correlationKeys: ['thing.id'],
        classNames: [],
      },
      {
        id: 'event:thing.ended',
        kind: 'event',
        type: 'thing.ended',
        category: 'lifecycle',
        description: 'ends',
        anchors: ['page.md:21-30'],
        sources: ['page.md'],
        fields: [field('type')],
        correlationKeys: [],
        classNames: [],
      },
      {
        id: 'event:thing.search.done',
        kind: 'event',
        type: 'thing.search.done',
        category: 'builtin-tools',
        subcategory: 'web-search',
        description: '<script>x</script>',
        anchors: ['page.md:31-40'],
        sources: ['page.md'],
        fields: [],
        correlationKeys: ['item_id'],
        classNames: [],
      },
    ],
    endpoints: [
      {
        id: 'endpoint:POST /v1/things',
        kind: 'endpoint',
        method: 'POST',
        path: '/v1/things',
        title: 'Make a thing',
        section: 'Things',
        description: '',
        anchors: ['page.md:50-80'],
        sources: ['page.md'],
        classNames: [],
      },
    ],
    params: [
      {
        id: 'param:POST /v1/things#mode',
        kind: 'param',
        endpoint: 'endpoint:POST /v1/things',
        in: 'body',
        field: field('mode', { typeText: 'string or null', required: false, default: 'fast', anchors: ['page.md:55-58'] }),
      },
      {
        id: 'param:POST /v1/things#extras',
        kind: 'param',
        endpoint: 'endpoint:POST /v1/things',
        in: 'body',
        field: field('extras', { typeText: 'array', type: { kind: 'array' }, required: false, anchors: ['page.md:59-62'] }),
      },
    ],
    enums: [
      {
        id: 'enum:POST /v1/things#extras=a.b',
        kind: 'enum',
        param: 'param:POST /v1/things#extras',
        value: 'a.b',
        description: '',
        anchors: ['page.md:60'],
        sources: ['page.md'],
      },
      {
        id: 'enum:POST /v1/things#extras=c.d',
        kind: 'enum',
        param: 'param:POST /v1/things#extras',
        value: 'c.d',
        description: '',
        anchors: ['page.md:61'],
        sources: ['page.md'],
      },
    ],
    objects: [],
    schemas: {},
  };
}

export const LANES: LaneConfig[] = [
  { name: 'inbound', title: 'Inbound', include: ['be/**'], exclude: [], language: 'python', kinds: ['definition'] },
  { name: 'handler', title: 'Handler', include: ['fe/**'], exclude: [], language: 'typescript', kinds: ['handler'] },
  { name: 'server', title: 'Server', include: ['be/**'], exclude: [], language: 'python', kinds: ['route', 'param'] },
];

const loc = (file: string, line: number, symbol: string, kind: 'definition' | 'handler' | 'route' | 'param') => ({
  file,
  line,
  symbol,
  kind,
});

export function tinyMapping(overrides: Record<string, Partial<MappingEntry>> = {}): Mapping {
  const items: Record<string, MappingEntry> = {
    'event:thing.started': {
      kind: 'event',
      anchor: 'page.md:10-20',
      category: 'lifecycle',
      requiredFields: ['seq', 'type'],
      lanes: { inbound: [loc('be/ev.py', 3, 'Started', 'definition')], handler: [loc('fe/r.ts', 9, 'reduce', 'handler')] },
      status: 'implemented',
    },
    'event:thing.ended': {
      kind: 'event',
      anchor: 'page.md:21-30',
      category: 'lifecycle',
      lanes: { inbound: [loc('be/ev.py', 8, 'Ended', 'definition')] },
      status: 'partial',
      gaps: ['no location in lane handler', 'Ended (be/ev.py:8) lacks `seq`'],
    },
    'event:thing.search.done': {
      kind: 'event',
      anchor: 'page.md:31-40',
      category: 'builtin-tools',
      lanes: {},
      status: 'missing',
      manual: { statusOverride: 'planned', notes: 'next sprint | maybe' },
    },
    'endpoint:POST /v1/things': {
      kind: 'endpoint',
      anchor: 'page.md:50-80',
      lanes: { server: [loc('be/routes.py', 4, 'make', 'route')] },
      status: 'implemented',
    },
    'param:POST /v1/things#mode': {
      kind: 'param',
      anchor: 'page.md:55-58',
      lanes: { server: [loc('be/req.py', 5, 'Req', 'param')] },
      status: 'partial',
      gaps: ['Req.mode: found default `slow`, expected `"fast"`'],
    },
    'param:POST /v1/things#extras': {
      kind: 'param',
      anchor: 'page.md:59-62',
      lanes: { server: [loc('be/req.py', 6, 'Req', 'param')] },
      status: 'partial',
      gaps: ['Req.extras: accepts 1 of 2 values, not `c.d`'],
    },
    'enum:POST /v1/things#extras=a.b': {
      kind: 'enum',
      anchor: 'page.md:60',
      lanes: { server: [loc('be/req.py', 6, 'Req', 'param')] },
      status: 'implemented',
    },
    'enum:POST /v1/things#extras=c.d': { kind: 'enum', anchor: 'page.md:61', lanes: {}, status: 'missing' },
  };
  for (const [id, o] of Object.entries(overrides)) items[id] = { ...items[id]!, ...o };
  return {
    mappingVersion: 1,
    sources: { 'page.md': SHA('a') },
    lanes: LANES.map((l) => ({ name: l.name, title: l.title })),
    items,
    orphans: { 'event:gone.away': { manual: { notes: 'old' }, origin: 'item no longer in the sources' } },
    unknownLiterals: [
      { literal: 'thing.bogus', locations: [loc('fe/r.ts', 30, 'reduce', 'handler')].map((l) => ({ ...l, kind: 'literal' as const })) },
    ],
    summary: {},
  };
}
