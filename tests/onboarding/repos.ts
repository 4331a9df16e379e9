/**
 * Three small repositories a new user might install specmap into, written file by file by the
 * tests: `empty` (the reference pages and nothing else), `python` (a FastAPI server with
 * Pydantic events, an emitter, a pytest and a recorded trace) and `ts` (a Next.js app with Zod
 * schemas, a reducer, an App Router route that streams events and a vitest test). The reference pages are
 * the real ones from ../shared/reference, as users keep them.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CORPUS, PAGES } from '../extract/helpers.js';

export type RepoKind = 'empty' | 'python' | 'ts';

const PYTHON: Record<string, string> = {
  'app/__init__.py': '',
  'app/events.py': `from typing import Literal

from pydantic import BaseModel


class ResponseCreated(BaseModel):
    type: Literal["response.created"] = "response.created"
    sequence_number: int
    response: dict


class OutputTextDelta(BaseModel):
    type: Literal["response.output_text.delta"] = "response.output_text.delta"
    sequence_number: int
    item_id: str
    output_index: int
    content_index: int
    delta: str
`,
  'app/main.py': `from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class CreateResponse(BaseModel):
    model: str
    input: str
    stream: bool = False


def emit_created(seq, response):
    return {"type": "response.created", "sequence_number": seq, "response": response}


def emit_delta(seq, item_id, delta):
    return {"type": "response.output_text.delta", "sequence_number": seq, "item_id": item_id, "output_index": 0, "content_index": 0, "delta": delta}


@app.post("/v1/responses")
async def create_response(body: CreateResponse):
    yield emit_created(0, {"id": "resp_1"})
    yield emit_delta(1, "msg_1", "hi")
`,
  'tests/test_stream.py': `def test_created():
    event = {"type": "response.created"}
    assert event["type"] == "response.created"
`,
  'traces/hello.sse': 'event: response.created\ndata: {"type":"response.created","sequence_number":0,"response":{"id":"resp_1"}}\n\n',
};

const TS: Record<string, string> = {
  // No dependencies listed: the test installs specmap here, and npm would fetch Next.js too.
  'package.json': JSON.stringify({ name: 'chat-app', private: true }, null, 2) + '\n',
  'src/events.ts': `import { z } from 'zod';

export const ResponseCreatedSchema = z.object({
  type: z.literal('response.created'),
  sequence_number: z.number(),
  response: z.object({ id: z.string() }),
});

export const OutputTextDeltaSchema = z.object({
  type: z.literal('response.output_text.delta'),
  sequence_number: z.number(),
  item_id: z.string(),
  delta: z.string(),
});

export type StreamEvent = z.infer<typeof ResponseCreatedSchema> | z.infer<typeof OutputTextDeltaSchema>;
`,
  'src/reducer.ts': `import type { StreamEvent } from './events';

export interface ChatState {
  id?: string;
  text: string;
}

export function reduce(state: ChatState, event: StreamEvent): ChatState {
  switch (event.type) {
    case 'response.created':
      return { ...state, id: event.response.id };
    case 'response.output_text.delta':
      return { ...state, text: state.text + event.delta };
    default:
      return state;
  }
}
`,
  'app/api/chat/route.ts': `const encoder = new TextEncoder();

function sse(event: object): Uint8Array {
  return encoder.encode(\`data: \${JSON.stringify(event)}\\n\\n\`);
}

export async function POST(): Promise<Response> {
  const stream = new ReadableStream({
    start(controller) {
      controller.enqueue(sse({ type: 'response.created', sequence_number: 0, response: { id: 'resp_1' } }));
      controller.enqueue(sse({ type: 'response.output_text.delta', sequence_number: 1, item_id: 'msg_1', output_index: 0, content_index: 0, delta: 'hi' }));
      controller.close();
    },
  });
  return new Response(stream, { headers: { 'content-type': 'text/event-stream' } });
}
`,
  'src/reducer.test.ts': `import { expect, it } from 'vitest';
import { reduce } from './reducer';

it('keeps the response id', () => {
  expect(reduce({ text: '' }, { type: 'response.created', sequence_number: 0, response: { id: 'r' } }).id).toBe('r');
});
`,
};

const REPO_FILES: Record<RepoKind, Record<string, string>> = { empty: {}, python: PYTHON, ts: TS };

/** How to break one emitter in each repository with code, and the finding that names it. */
export const BREAK: Partial<Record<RepoKind, { file: string; from: string; to: string; id: string; lane: string }>> = {
  python: { file: 'app/main.py', from: '{"type": "response.created", ', to: '{', id: 'event:response.created', lane: 'outbound' },
  ts: {
    file: 'app/api/chat/route.ts',
    from: "sse({ type: 'response.created', ",
    to: 'sse({ ',
    id: 'event:response.created',
    lane: 'outbound',
  },
};

function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** A new git repository of that kind in a temporary folder, with the reference pages under docs/. */
export function makeRepo(kind: RepoKind, parent = tmpdir()): string {
  const dir = mkdtempSync(join(parent, `specmap-${kind}-`));
  mkdirSync(join(dir, 'docs'));
  for (const page of PAGES) copyFileSync(join(CORPUS, page), join(dir, 'docs', page));
  writeFiles(dir, REPO_FILES[kind]);
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
  return dir;
}

/**
 * Scratch repositories for one test file: `repo(kind)` makes one, every one is removed after the
 * file's tests, and `dist/cli.js` must exist before they run.
 */
export function scratchRepos(
  hooks: { beforeAll: (f: () => void) => void; afterAll: (f: () => void) => void },
  cli: string,
): (kind: RepoKind) => string {
  const temps: string[] = [];
  hooks.beforeAll(() => {
    if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
  });
  hooks.afterAll(() => {
    for (const t of temps) rmSync(t, { recursive: true, force: true });
  });
  return (kind) => {
    const dir = makeRepo(kind);
    temps.push(dir);
    return dir;
  };
}
