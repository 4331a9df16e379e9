import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import type { SourceInfo } from '../../model/schema.js';
import { extractPage } from './extract-page.js';

const source: SourceInfo = { id: 'page.md', kind: 'openai-docs', path: 'docs/page.md', sha256: '0'.repeat(64) };
const fence = '```';

function extract(lines: string[]) {
  const bag = new DiagnosticBag();
  const out = extractPage(lines.join('\n'), source, bag);
  return { out, bag };
}

// A tiny page in the scrape's shape: nav prose, an API section, an endpoint, an object, two events, a footer.
const PAGE = [
  '# Gadget API', //                                1
  '',
  'Pick a page from the menu.', //                  3
  '',
  '## Gadgets', //                                  5
  '',
  'Gadgets do small jobs for you.', //              7
  '',
  '## Build a gadget', //                           9
  '',
  'posthttps://api.example.test/v1/gadgets', //    11
  '',
  'Builds one gadget.', //                         13
  '',
  '#### Path parameters', //                       15
  '',
  'shop\\_id', //                                  17
  '',
  'string',
  '',
  'Required',
  '',
  'Which shop builds it.', //                      23
  '',
  '#### Request body', //                          25
  '',
  'flavour', //                                    27
  '',
  'string',
  '',
  'Optional',
  '',
  'Defaults to `plain`', //                        33
  '',
  'What it tastes of. One of:', //                 35
  '',
  '- `plain`: nothing special.', //                37
  '- `spicy`: hot.', //                            38
  '',
  'legacy\\_knob', //                              40
  '',
  'Deprecated',
  '',
  'boolean',
  '',
  'Optional',
  '',
  'Do not use.', //                                48
  '',
  '#### Returns', //                               50
  '',
  'A [Gadget](https://platform.example.test/docs/api-reference/gadgets/object) object.', // 52
  '',
  '## The gadget object', //                       54
  '',
  'One gadget.', //                                56
  '',
  'id',
  '',
  'string',
  '',
  'Its id.', //                                    62
  '',
  'OBJECT The gadget object', //                   64
  '',
  `${fence}json`, //                               66
  '{"id": "g1"}',
  fence, //                                        68
  '',
  '',
  '## gadget.built', //                            71
  '',
  'Sent when a gadget is ready.', //               73
  '',
  'gadget',
  '',
  'object',
  '',
  'The gadget.',
  '',
  'Show properties', //                            81
  '',
  'output\\_index', //                             83
  '',
  'integer',
  '',
  'Where it went.', //                             87
  '',
  'OBJECT gadget.built', //                        89
  '',
  `${fence}json`,
  '{"gadget": {"id": "g1"}, "output_index": 0}',
  fence, //                                        93
  '',
  '## error', //                                   95
  '',
  'Sent when something breaks.',
  '',
  'message',
  '',
  'string',
  '',
  'What broke.', //                               103
  '',
  '[Previous: Intro](https://example.test/a) [Next: More](https://example.test/b)', // 105
  '',
];

describe('extractPage on a small page', () => {
  const { out, bag } = extract(PAGE);

  it('reports nothing on a clean page', () => {
    expect(bag.items).toEqual([]);
  });

  it('keeps the API sections the nav links to on the source info, none when it links to none', () => {
    expect(out.source.linkedSections).toBeUndefined();
    const ref = 'https://platform.openai.com/docs/api-reference';
    const nav = ['API Reference', '', 'Tools we ship', '', `[Widgets](${ref}/widgets)`, '', `[Sprockets](${ref}/sprockets/)`, ''];
    const withNav = extract([...nav, ...PAGE]).out;
    expect(withNav.source.linkedSections).toEqual([
      { title: 'Widgets', slug: 'widgets', group: 'Tools we ship' },
      { title: 'Sprockets', slug: 'sprockets', group: 'Tools we ship' },
    ]);
  });

  it('classifies sections: endpoint, object, events; other headings name the API section', () => {
    expect(out.endpoints.map((e) => [e.id, e.title, e.section, e.method, e.path])).toEqual([
      ['endpoint:POST /v1/gadgets', 'Build a gadget', 'Gadgets', 'POST', '/v1/gadgets'],
    ]);
    expect(out.objects.map((o) => [o.id, o.name, o.title])).toEqual([['object:gadget', 'gadget', 'The gadget object']]);
    expect(out.events.map((e) => [e.id, e.type])).toEqual([
      ['event:gadget.built', 'gadget.built'],
      ['event:error', 'error'],
    ]);
  });

  it('anchors each item from its name line to the last non-blank line before the next item', () => {
    expect(out.endpoints[0]!.anchors).toEqual(['page.md:9-52']);
    expect(out.objects[0]!.anchors).toEqual(['page.md:54-68']);
    expect(out.events.map((e) => e.anchors[0])).toEqual(['page.md:71-93', 'page.md:95-103']);
  });

  it('leaves the footer out of the last item', () => {
    expect(out.events[1]!.description).toBe('Sent when something breaks.');
    expect(out.events[1]!.fields.map((f) => f.description)).toEqual(['What broke.']);
  });

  it('reads params per location, with markers, defaults and listed values', () => {
    expect(out.params.map((p) => [p.id, p.in, p.field.required, p.field.deprecated, p.field.default, p.field.anchors[0]])).toEqual([
      ['param:POST /v1/gadgets#shop_id', 'path', true, false, undefined, 'page.md:17-23'],
      ['param:POST /v1/gadgets#flavour', 'body', false, false, 'plain', 'page.md:27-38'],
      ['param:POST /v1/gadgets#legacy_knob', 'body', false, true, undefined, 'page.md:40-48'],
    ]);
    expect(out.enums.map((e) => [e.id, e.param, e.value, e.description, e.anchors])).toEqual([
      ['enum:POST /v1/gadgets#flavour=plain', 'param:POST /v1/gadgets#flavour', 'plain', 'nothing special.', ['page.md:37']],
      ['enum:POST /v1/gadgets#flavour=spicy', 'param:POST /v1/gadgets#flavour', 'spicy', 'hot.', ['page.md:38']],
    ]);
  });

  it('names what the endpoint returns', () => {
    expect(out.endpoints[0]!.returns).toEqual({
      description: 'A [Gadget](https://platform.example.test/docs/api-reference/gadgets/object) object.',
      object: 'object:gadget',
    });
    expect(out.endpoints[0]!.description).toBe('Builds one gadget.');
  });

  it('keeps event fields, collapsed markers and the example payload', () => {
    const built = out.events[0]!;
    expect(built.description).toBe('Sent when a gadget is ready.');
    expect(built.fields.map((f) => [f.name, f.type.kind, f.collapsed, f.required])).toEqual([
      ['gadget', 'object', true, null],
      ['output_index', 'integer', false, null],
    ]);
    expect(built.example).toEqual({ anchor: 'page.md:91-93', value: { gadget: { id: 'g1' }, output_index: 0 } });
    expect(out.events[1]!.example).toBeUndefined();
    expect(out.objects[0]!.example).toEqual({ anchor: 'page.md:66-68', value: { id: 'g1' } });
  });

  it('records the source on items and fields', () => {
    expect(out.source).toBe(source);
    expect(out.events[0]!.sources).toEqual(['page.md']);
    expect(out.events[0]!.fields[0]!.sources).toEqual(['page.md']);
  });
});

describe('extractPage: section classification', () => {
  const cases: [string, { heading: string; first: string; kind: 'endpoint' | 'object' | 'event' | 'section' }][] = [
    ['get endpoint', { heading: 'Fetch a gadget', first: 'gethttps://api.example.test/v1/gadgets/{gadget_id}', kind: 'endpoint' }],
    ['delete endpoint', { heading: 'Drop a gadget', first: 'deletehttps://api.example.test/v1/gadgets/{gadget_id}', kind: 'endpoint' }],
    ['object title', { heading: 'The gadget list', first: 'Many gadgets.', kind: 'object' }],
    ['dotted event', { heading: 'gadget.part\\_added', first: 'A part was added.', kind: 'event' }],
    ['single word event', { heading: 'error', first: 'Broke.', kind: 'event' }],
    ['prose heading', { heading: 'Streaming events', first: 'Some events.', kind: 'section' }],
    ['capitalised word', { heading: 'Gadgets', first: 'Some gadgets.', kind: 'section' }],
  ];
  it.each(cases)('%s', (_name, { heading, first, kind }) => {
    const { out } = extract([
      `## ${heading}`,
      '',
      first,
      '',
      'name',
      '',
      'string',
      '',
      'Its name.',
      '',
      '## The anchor object',
      '',
      'One anchor.',
      '',
      'x',
      '',
      'string',
      '',
      'Keeps the page non-empty.',
    ]);
    const kinds = [
      ...out.endpoints.map(() => 'endpoint'),
      ...out.events.map(() => 'event'),
      ...out.objects.filter((o) => o.title !== 'The anchor object').map(() => 'object'),
    ];
    expect(kinds).toEqual(kind === 'section' ? [] : [kind]);
  });

  it('unescapes underscores in event types', () => {
    const { out } = extract(['## gadget.part\\_added', '', 'A part was added.', '', 'part\\_id', '', 'string', '', 'Which part.']);
    expect(out.events[0]!.type).toBe('gadget.part_added');
    expect(out.events[0]!.fields[0]!.name).toBe('part_id');
  });
});

describe('extractPage: bad input', () => {
  it('a page with no items is one error at 1:1', () => {
    const { out, bag } = extract(['# My project', '', 'Some notes about it.', '', '## Setup', '', 'Run the thing.']);
    expect(out.events).toEqual([]);
    expect(bag.items).toEqual([expect.objectContaining({ severity: 'error', code: 'no-items', file: 'page.md', line: 1, column: 1 })]);
    expect(bag.items[0]!.message).toMatch(/^Found no events, endpoints or objects in this page, expected/);
  });

  it('an event section without fields is an error at its heading, and the event is still returned', () => {
    const { out, bag } = extract([
      '## gadget.built',
      '',
      'Nothing listed here.',
      '',
      '## gadget.gone',
      '',
      'It went away.',
      '',
      'id',
      '',
      'string',
      '',
      'Its id.',
    ]);
    expect(out.events.map((e) => e.type)).toEqual(['gadget.built', 'gadget.gone']);
    expect(bag.items).toEqual([expect.objectContaining({ severity: 'error', code: 'event-without-fields', line: 1, column: 1 })]);
    expect(bag.items[0]!.message).toContain('`gadget.built`');
  });

  it('collects every problem of a page instead of stopping at the first', () => {
    const { bag } = extract([
      '## gadget.built',
      '',
      'It is ready.',
      '',
      'id',
      '',
      'strang',
      '',
      'Its id.',
      '',
      'OBJECT gadget.built',
      '',
      `${fence}json`,
      '{"id": }',
      fence,
      '',
      '## gadget.gone',
      '',
      'Nothing.',
    ]);
    expect(bag.sorted().map((d) => [d.code, d.line])).toEqual([
      ['unknown-type-word', 7],
      ['example-invalid-json', 14],
      ['event-without-fields', 17],
    ]);
  });

  it('an empty page does not throw', () => {
    expect(extract(['']).bag.items.map((d) => d.code)).toEqual(['no-items']);
  });
});
