/**
 * A client call whose URL is a constant another module declares: `requests.post(RESPONSES_URL, …)`
 * with `from .config import RESPONSES_URL`, `config.RESPONSES_URL` of an imported module,
 * `fetch(API.responses, …)` with `export const API = { responses: '/v1/responses' }`. The call is the
 * endpoint's, with what it sends; a name that holds no path (a settings object, a key) is no call.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeFiles, removeAnalyzedFiles } from './analyze-files.js';

afterAll(removeAnalyzedFiles);

async function routes(files: Record<string, string>): Promise<string[]> {
  const { facts } = await analyzeFiles(files);
  return facts
    .filter((f) => f.kind === 'route')
    .map((f) => `${f.file}:${f.line} ${f.method} ${f.path} [${(f.params ?? []).map((p) => `${p.name}@${p.line}`)}]`);
}

describe('a URL held by a constant of another module', () => {
  it('Python: imported by name or read off an imported module; not a name that holds no path', async () => {
    expect(
      await routes({
        'server/config.py': ['RESPONSES_URL = "https://api.openai.com/v1/responses"', 'TIMEOUT_KEY = "timeout"', ''].join('\n'),
        'server/client.py': [
          'import requests',
          'from .config import RESPONSES_URL, TIMEOUT_KEY',
          'from server import config',
          'from .settings import settings',
          '',
          'def send(m, opts):',
          '    payload = {"model": m, "input": "hi", "max_output_tokens": 5}',
          '    requests.post(RESPONSES_URL, json=payload)',
          '    requests.post(config.RESPONSES_URL, json={"model": m, "truncation": "auto"})',
          '    requests.post(settings.url, json={"model": m, "previous_response_id": "r"})',
          '    return opts.get(TIMEOUT_KEY)',
          '',
        ].join('\n'),
        'server/settings.py': 'class Settings:\n    url = "https://example.test/v1/responses"\nsettings = Settings()\n',
      }),
    ).toEqual([
      'server/client.py:8 POST /v1/responses [model@7,input@7,max_output_tokens@7]',
      'server/client.py:9 POST /v1/responses [model@9,truncation@9]',
    ]);
  });

  it('Python: what an imported function returns, whole or at its place in a returned tuple, awaited, renamed, in a block', async () => {
    expect(
      await routes({
        'server/common.py': [
          'from . import config',
          'async def build_upstream_request(client):',
          '    headers = {"Authorization": client.key}',
          '    return f"{config.BASE_URL}/responses", headers, False',
          'def conversations_url(local):',
          '    if local:',
          '        return "http://localhost:8000/v1/conversations"',
          '    return "https://api.openai.com/v1/conversations"',
          'def either(fast):',
          '    return "/v1/responses" if fast else "/v1/conversations"',
          '',
        ].join('\n'),
        'server/client.py': [
          'from .common import build_upstream_request as _build, conversations_url, either',
          '',
          'async def send(client, http, text):',
          '    async with http:',
          '        url, headers, _ = await _build(client)',
          '    payload = {"model": "m", "input": text, "max_output_tokens": 5}',
          '    await http.post(url, json=payload, headers=headers)',
          '    await http.post(conversations_url(True), json={"metadata": {}})',
          '    target = either(True)',
          '    await http.post(target, json={"model": "m", "previous_response_id": "r"})',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      // A base URL before the path is left to the spec's prefixes, as for any `f"{base}/responses"`.
      'server/client.py:7 POST /responses [model@6,input@6,max_output_tokens@6]',
      'server/client.py:8 POST /v1/conversations [metadata@8]',
    ]);
  });

  it('TypeScript: imported by name, as a member of an imported object, or through a namespace', async () => {
    expect(
      await routes({
        'web/config.mts': [
          "export const RESPONSES_URL = 'https://api.openai.com/v1/responses';",
          "export const API = { responses: '/v1/responses', conversations: '/v1/conversations' } as const;",
          "export const HEADER = 'x-api-key';",
          '',
        ].join('\n'),
        'web/client.mts': [
          "import { RESPONSES_URL, API, HEADER } from './config.mjs';",
          "import * as cfg from './config.mjs';",
          'export async function send(m: string, headers: Map<string, string>) {',
          "  await fetch(RESPONSES_URL, { method: 'POST', body: JSON.stringify({ model: m, input: 'x', max_output_tokens: 5 }) });",
          "  await fetch(API.responses, { method: 'POST', body: JSON.stringify({ model: m, previous_response_id: 'r' }) });",
          "  await fetch(cfg.API.conversations, { method: 'POST', body: JSON.stringify({ metadata: {} }) });",
          '  return headers.get(HEADER);',
          '}',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'web/client.mts:4 POST /v1/responses [model@4,input@4,max_output_tokens@4]',
      'web/client.mts:5 POST /v1/responses [model@5,previous_response_id@5]',
      'web/client.mts:6 POST /v1/conversations [metadata@6]',
    ]);
  });
});
