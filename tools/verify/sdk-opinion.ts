/**
 * A second opinion from a real client: the official `openai` SDK's Responses stream helper
 * (`client.responses.stream`, which accumulates events into a response and throws on what it cannot
 * follow) reads the trace through a fake `fetch` that answers with the trace's bytes — no network.
 * The SDK is imported lazily: it is a devDependency, so an installed specmap may not have it, and then
 * the report says so instead of failing.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { JsonValue } from '../model/schema.js';
import { readLines } from './input/lines.js';
import type { SdkOpinion, TraceFormat } from './types.js';

type OpenAIModule = typeof import('openai');

let loaded: Promise<OpenAIModule | undefined> | undefined;

function loadOpenAI(): Promise<OpenAIModule | undefined> {
  loaded ??= import('openai').then(
    (m) => m,
    () => undefined,
  );
  return loaded;
}

/** JSON Lines become the SSE the SDK expects, line by line (never the whole file at once). */
async function* jsonlAsSse(path: string): AsyncGenerator<string> {
  for await (const { text } of readLines(createReadStream(path))) {
    const t = text.trim();
    if (t === '' || t.startsWith('#')) continue;
    let type = 'message';
    try {
      const parsed = JSON.parse(t) as { type?: unknown };
      if (typeof parsed.type === 'string') type = parsed.type;
    } catch {
      // Left as is: the SDK reports the bad JSON in its own words.
    }
    yield `event: ${type}\ndata: ${t}\n\n`;
  }
}

function body(path: string, format: TraceFormat): ReadableStream<Uint8Array> {
  const source = format === 'sse' ? createReadStream(path) : Readable.from(jsonlAsSse(path));
  return Readable.toWeb(source) as unknown as ReadableStream<Uint8Array>;
}

export async function askSdk(path: string, format: TraceFormat, request: JsonValue | undefined): Promise<SdkOpinion> {
  const mod = await loadOpenAI();
  if (!mod)
    return {
      available: false,
      accepted: false,
      events: 0,
      message: 'the `openai` package is not installed (npm install --save-dev openai@6)',
    };
  const client = new mod.OpenAI({
    apiKey: 'specmap-offline',
    baseURL: 'http://specmap.invalid/v1',
    maxRetries: 0,
    logLevel: 'off',
    fetch: async () => new Response(body(path, format), { status: 200, headers: { 'content-type': 'text/event-stream' } }),
  });
  const params = {
    model: 'specmap-trace',
    input: '',
    ...(request && typeof request === 'object' && !Array.isArray(request) ? request : {}),
  };
  let events = 0;
  try {
    const stream = client.responses.stream(params as Parameters<typeof client.responses.stream>[0]);
    for await (const _event of stream) events++;
    await stream.finalResponse();
    return { available: true, accepted: true, events };
  } catch (error) {
    // The SDK raises the stream's own error as designed: an `error` event is re-emitted as the helper's
    // 'error' (the event object itself is thrown), a payload with an `error` member becomes an APIError.
    // Both mean the SDK followed the trace; anything else (OpenAIError, SyntaxError) is a rejection.
    if (!(error instanceof Error) && (error as { type?: unknown })?.type === 'error') {
      return { available: true, accepted: true, events, surfaced: `error event: ${String((error as { message?: unknown }).message)}` };
    }
    if (error instanceof mod.APIError) return { available: true, accepted: true, events, surfaced: `APIError: ${error.message}` };
    const e = error as Error;
    return { available: true, accepted: false, events, message: `${e?.constructor?.name ?? 'Error'}: ${e?.message ?? String(error)}` };
  }
}
