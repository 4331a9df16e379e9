/**
 * A client that takes the data it sends as its second argument (axios's `post(url, data)`): that
 * object's keys are the body parameters it sends, when it names a parameter the spec knows and no
 * request option. A server framework's options object (Fastify's `{ schema }`), a client's own
 * options (`{ body, ...options }`, whose `body` is what is sent; a bare `{ headers }`) and an object
 * of unknown keys send nothing as data.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeFiles, removeAnalyzedFiles } from './analyze-files.js';

afterAll(removeAnalyzedFiles);

async function sent(text: string): Promise<string[]> {
  const { facts } = await analyzeFiles({ 'web/client.mts': text });
  return facts
    .filter((f) => f.kind === 'route')
    .map((f) => `${f.line} ${f.method} ${f.path} [${(f.params ?? []).filter((p) => p.in === 'body').map((p) => p.name)}]`);
}

describe('data sent as a client call’s second argument', () => {
  it('is the body of a POST when it names a known parameter and no option', async () => {
    expect(
      await sent(
        [
          "await axios.post('https://api.example.com/v1/responses', { model, input: text, extra: 1 });",
          "await axios.post('https://api.example.com/v1/responses', { headers: { a: '1' }, model });",
          "await http.post('https://api.example.com/v1/responses', { unknown: 1 });",
          "app.post('/v1/responses', { schema: { body: {} } }, handler);",
          "await this._client.post('/v1/responses', { body, ...options, stream: body.stream ?? false });",
          "await axios.get('https://api.example.com/v1/responses', { model });",
          '',
        ].join('\n'),
      ),
    ).toEqual([
      '1 POST /v1/responses [model,input,extra]',
      '2 POST /v1/responses []',
      '3 POST /v1/responses []',
      '4 POST /v1/responses []',
      '5 POST /v1/responses []',
      '6 GET /v1/responses []',
    ]);
  });
});
