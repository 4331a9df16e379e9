import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCandidates } from './candidates.js';
import { alternation, buildPrefilter, underscoreAlternation } from './prefilter.js';
import { fixtureModel } from '../../tests/analyzer/fixture-model.js';
import type { Model } from '../model/schema.js';

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const whole = (strings: string[]) => new RegExp(`^(?:${alternation(strings)})$`);

describe('alternation', () => {
  it.each([
    [
      'shared prefixes',
      ['response.created', 'response.done', 'response.output_text.delta'],
      ['response.', 'response.created.x', 'created'],
    ],
    ['a string that is a prefix of another', ['error', 'errors', 'err'], ['e', 'erro', 'errorss']],
    ['special characters', ['a.b', 'a*b', '(x)', 'c$'], ['axb', 'aab', 'x', 'c']],
    ['one string', ['only'], ['onl', 'only.']],
  ])('%s: matches exactly the strings given', (_name, strings, others) => {
    for (const s of strings) expect(whole(strings).test(s)).toBe(true);
    for (const s of others) expect(whole(strings).test(s)).toBe(false);
  });

  it('finds a string inside a text exactly when the plain alternation does', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', '.', '_', 'é', '$'), minLength: 1, maxLength: 6 });
    // Texts made partly of the strings themselves, so that matches are common, not a rare accident.
    const stringsAndText = fc.array(word, { minLength: 1, maxLength: 8 }).chain((strings) =>
      fc.tuple(
        fc.constant(strings),
        fc
          .array(fc.oneof(fc.constantFrom(...strings), fc.constantFrom('a', 'b', '.', ' ', '"', 'é', '_', '$')), { maxLength: 10 })
          .map((parts) => parts.join('')),
      ),
    );
    let matched = 0;
    fc.assert(
      fc.property(stringsAndText, ([strings, text]) => {
        const plain = new RegExp(`\\b(?:${strings.map(escapeRegExp).join('|')})\\b`);
        const trie = new RegExp(`\\b(?:${alternation(strings)})\\b`);
        expect(trie.test(text)).toBe(plain.test(text));
        expect(new RegExp(alternation(strings)).test(text)).toBe(new RegExp(strings.map(escapeRegExp).join('|')).test(text));
        if (plain.test(text)) matched++;
      }),
      { numRuns: 200 },
    );
    // Both answers occur often enough for the comparison to mean something.
    expect(matched).toBeGreaterThan(40);
    expect(matched).toBeLessThan(160);
  });
});

describe('underscoreAlternation', () => {
  it('finds a string holding a `_` inside a text exactly when the plain alternation does', () => {
    const part = fc.string({ unit: fc.constantFrom('a', 'b', '.', '_', '$'), maxLength: 4 });
    const word = fc.tuple(part, part).map(([head, tail]) => `${head.replace(/_/g, '')}_${tail}`);
    const stringsAndText = fc.array(word, { minLength: 1, maxLength: 8 }).chain((strings) =>
      fc.tuple(
        fc.constant(strings),
        fc
          .array(fc.oneof(fc.constantFrom(...strings), fc.constantFrom('a', 'b', '.', ' ', '_', '$')), { maxLength: 10 })
          .map((parts) => parts.join('')),
      ),
    );
    let matched = 0;
    fc.assert(
      fc.property(stringsAndText, ([strings, text]) => {
        const plain = new RegExp(strings.map(escapeRegExp).join('|')).test(text);
        expect(new RegExp(underscoreAlternation(strings)).test(text)).toBe(plain);
        if (plain) matched++;
      }),
      { numRuns: 300 },
    );
    expect(matched).toBeGreaterThan(60);
    expect(matched).toBeLessThan(260);
  });

  it('refuses a string without a `_`, which it could not find', () => {
    expect(() => underscoreAlternation(['previous_response_id', 'model'])).toThrow(/"model" holds no "_"/);
  });
});

const endpoint = (method: 'GET' | 'POST', path: string) => ({
  id: `endpoint:${method} ${path}`,
  kind: 'endpoint' as const,
  method,
  path,
  title: '',
  section: '',
  description: '',
  anchors: [],
  sources: [],
  classNames: [],
});

describe('buildPrefilter on route and client code', () => {
  const candidates = buildCandidates({
    model: { events: [], params: [], endpoints: [endpoint('POST', '/v1/widgets'), endpoint('GET', '/v1/widgets/{widget_id}/parts')] },
    unknownLiteralPatterns: [],
  });
  const picks = buildPrefilter(candidates);

  it.each([
    ['an Express route', `app.post('/anything', handler)`],
    ['a client method named after its verb', `return this._client.getAPIList(path\`/x/\${id}\`, Page)`],
    ['a private client verb with a base URL', 'self._get(f"{self.base}/x")'],
    ['a full URL', `http.post('https://api.example.test/x', init)`],
    ['a string holding an endpoint path', `const url = \`\${base}/v1/widgets/\${id}\`;`],
    ['a Python f-string holding one', 'resp = client.request("GET", f"/widgets/{wid}/parts")'],
    ['a URL builder', "this.config.url({ path: '/widgets', modelId })"],
  ])('picks %s', (_name, text) => {
    expect(picks(text)).toBe(true);
  });

  it.each([
    ['a module specifier with the word', "import { x } from './widgets/x';"],
    ['a longer word', "const p = '/v1/widgets-old';"],
    ['a map lookup by a name', "cache.get('key')"],
    ['the word outside a string', 'const widgets = load();'],
  ])('passes over %s', (_name, text) => {
    expect(picks(text)).toBe(false);
  });
});

describe('buildPrefilter on streams framed by hand', () => {
  const picks = buildPrefilter(buildCandidates({ model: fixtureModel, unknownLiteralPatterns: [] }));

  it.each([
    ['a Python f-string with an SSE event line', 'yield f"event: response.created\\ndata: {json.dumps(x)}\\n\\n"'],
    ['a TypeScript template with one', 'res.write(`event:response.created\\ndata: $' + '{body}\\n\\n`);'],
  ])('picks %s', (_name, text) => {
    expect(picks(text)).toBe(true);
  });

  it.each([
    ['a longer type on the line', 'yield "event: response.created.again\\n"'],
    ['the type with no event field', 'log("response.created happened")'],
    // Every streaming API has an `error` event.
    ['an undotted type', 'yield "event: error\\n"'],
  ])('passes over %s', (_name, text) => {
    expect(picks(text)).toBe(false);
  });
});

describe('buildPrefilter on a plain type among dotted ones', () => {
  const field = (name: string) => ({ name, required: true });
  const event = (type: string, source: string, fields: string[]) =>
    ({ id: `event:${type}`, type, sources: [source], classNames: [], fields: fields.map(field) }) as unknown as Model['events'][number];
  const envelope = ['type', 'sequence_number'];
  const model = {
    events: [
      event('response.created', 'events.md', envelope),
      event('response.completed', 'events.md', envelope),
      event('response.output_text.delta', 'events.md', [...envelope, 'delta']),
      // The stream's own `error`, among its dotted types.
      event('error', 'events.md', [...envelope, 'message']),
      // A catalog of plain words: its types keep their plain meaning.
      event('tool_called', 'catalog.json', ['type']),
      event('agent_updated', 'catalog.json', ['type']),
    ],
    params: [],
    endpoints: [],
  };
  const picks = buildPrefilter(buildCandidates({ model, unknownLiteralPatterns: [] }));

  it.each([
    // Its facts count only in a file about the stream, which other mentions pick.
    ["a library's own error part", "if (part.type === 'error') throw part.error;"],
    ['an error event of some other emitter', "emitter.on('error', (e) => log(e));"],
  ])('passes over %s', (_name, text) => {
    expect(picks(text)).toBe(false);
  });

  it.each([
    ['the error beside a dotted type', "case 'response.created': start(); break;\ncase 'error': fail(event);"],
    ['the error built with the stream envelope', "yield { type: 'error', sequence_number: seq++, message };"],
    ['a dotted type closing an escaped string (a recorded stream in a test)', 'const line = "{\\"type\\":\\"response.created\\"}";'],
    ['a plain type of a catalog of plain words', "if (event.name === 'tool_called') count++;"],
  ])('picks %s', (_name, text) => {
    expect(picks(text)).toBe(true);
  });

  describe('where the lanes take no API facts', () => {
    const streamOnly = { stream: true, api: false };
    const withApi = buildPrefilter(
      buildCandidates({
        model: {
          ...model,
          endpoints: [endpoint('POST', '/v1/responses')],
          params: ['tool_choice', 'previous_response_id'].map((name) => ({
            id: `param:POST /v1/responses#${name}`,
            kind: 'param' as const,
            endpoint: 'endpoint:POST /v1/responses',
            in: 'body' as const,
            field: field(name),
          })),
        } as never,
        unknownLiteralPatterns: [],
      }),
    );

    it('picks the plain type beside a call of one of the API paths: the call makes the file about the stream', () => {
      const text = "const res = await fetch(base + '/responses', init);\nif (chunk.type === 'error') fail(chunk);";
      expect(withApi(text, streamOnly)).toBe(true);
    });

    it("passes over it beside a request parameter's name alone, which other chat APIs share and which yields no route", () => {
      const text = "const body = { tool_choice: 'auto', previous_response_id: id };\nif (chunk.type === 'error') fail(chunk);";
      expect(withApi(text, streamOnly)).toBe(false);
      // Lanes that count parameters still take the file, for its parameters.
      expect(withApi(text, { stream: true, api: true })).toBe(true);
    });
  });
});
