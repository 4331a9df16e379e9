/**
 * Where every spec item lives in examples/workspace, written by hand from the example's source
 * (not from a run): item id → lane → `file:line` (paths under examples/workspace/).
 */
const P = 'backend/app';
const T = 'backend/tests/test_stream.py';
const W = 'web/src';
const SSE = 'traces/text-reply.sse';
const JSONL = 'traces/tool-call.jsonl';

export const EXPECTED: Record<string, Record<string, string[]>> = {
  'event:response.created': {
    inbound: [`${P}/events.py:15`],
    outbound: [`${P}/stream.py:22`],
    frontend: [`${W}/events/schemas.ts:8`],
    handler: [`${W}/state/reducer.ts:15`],
    golden: [`${T}:6`, `${SSE}:1`, `${JSONL}:1`],
  },
  'event:response.in_progress': {
    inbound: [`${P}/events.py:20`],
    outbound: [`${P}/stream.py:26`],
    golden: [`${SSE}:4`],
  },
  'event:response.completed': {
    inbound: [`${P}/events.py:25`],
    outbound: [`${P}/stream.py:48`],
    frontend: [`${W}/events/schemas.ts:14`],
    handler: [`${W}/state/reducer.ts:23`],
    golden: [`${SSE}:16`, `${JSONL}:7`],
  },
  'event:response.failed': { inbound: [`${P}/events.py:30`] },
  'event:response.output_item.added': {
    inbound: [`${P}/events.py:35`],
    outbound: [`${P}/stream.py:30`],
    frontend: [`${W}/events/schemas.ts:20`],
    handler: [`${W}/state/reducer.ts:17`],
    golden: [`${SSE}:7`, `${JSONL}:2`, `${W}/state/reducer.test.ts:6`],
  },
  'event:response.output_item.done': { inbound: [`${P}/events.py:41`], golden: [`${JSONL}:6`] },
  'event:response.output_text.delta': {
    inbound: [`${P}/events.py:47`],
    outbound: [`${P}/stream.py:34`],
    frontend: [`${W}/events/schemas.ts:27`],
    handler: [`${W}/state/reducer.ts:19`],
    golden: [`${T}:12`, `${SSE}:10`, `${W}/state/reducer.test.ts:7`],
  },
  'event:response.output_text.done': {
    inbound: [`${P}/events.py:57`],
    outbound: [`${P}/stream.py:39`],
    frontend: [`${W}/events/schemas.ts:36`],
    handler: [`${W}/state/reducer.ts:21`],
    golden: [`${SSE}:13`],
  },
  'event:response.function_call_arguments.delta': { inbound: [`${P}/events.py:65`], golden: [`${JSONL}:3`, `${JSONL}:4`] },
  'event:response.function_call_arguments.done': { inbound: [`${P}/events.py:72`], golden: [`${JSONL}:5`] },
  'event:error': {
    inbound: [`${P}/events.py:87`],
    outbound: [`${P}/stream.py:52`],
    frontend: [`${W}/events/schemas.ts:45`],
    handler: [`${W}/state/reducer.ts:25`],
  },
  'endpoint:POST /v1/responses': { server: [`${P}/routes.py:12`] },
  'endpoint:GET /v1/responses/{response_id}': { server: [`${P}/routes.py:19`] },
  'endpoint:POST /v1/responses/{response_id}/cancel': { server: [`${P}/routes.py:27`] },
  // Path parameters of the FastAPI handlers are params of their endpoints.
  'param:GET /v1/responses/{response_id}#response_id': { server: [`${P}/routes.py:20`] },
  'param:POST /v1/responses/{response_id}/cancel#response_id': { server: [`${P}/routes.py:28`] },
  ...Object.fromEntries(
    (
      [
        ['model', 9],
        ['input', 10],
        ['instructions', 11],
        ['include', 12],
        ['max_output_tokens', 13],
        ['metadata', 14],
        ['previous_response_id', 15],
        ['parallel_tool_calls', 16],
        ['store', 17],
        ['stream', 18],
        ['background', 19],
        ['temperature', 20],
        ['top_p', 21],
        ['truncation', 22],
        ['tools', 23],
      ] as const
    ).map(([name, line]) => [`param:POST /v1/responses#${name}`, { server: [`${P}/requests.py:${line}`] }]),
  ),
  'enum:POST /v1/responses#include=file_search_call.results': { server: [`${P}/requests.py:12`] },
  'enum:POST /v1/responses#include=message.output_text.logprobs': { server: [`${P}/requests.py:12`] },
  'enum:POST /v1/responses#include=reasoning.encrypted_content': { server: [`${P}/requests.py:12`] },
  'enum:POST /v1/responses#truncation=auto': { server: [`${P}/requests.py:22`] },
  'enum:POST /v1/responses#truncation=disabled': { server: [`${P}/requests.py:22`] },
};

/** Agent-level events, present once the catalog source is configured (catalog/agent-events.md). */
export const EXPECTED_AGENTS: Record<string, Record<string, string[]>> = {
  'event:agent_updated_stream_event': { handler: [`${W}/state/agent-stream.ts:10`] },
  'event:run_item_stream_event': { handler: [`${W}/state/agent-stream.ts:11`] },
  'event:message_output_created': { handler: [`${W}/state/agent-stream.ts:13`] },
  'event:tool_called': { handler: [`${W}/state/agent-stream.ts:15`] },
  'event:tool_output': { handler: [`${W}/state/agent-stream.ts:17`] },
};

export const EXPECTED_STATUS: Record<string, string> = {
  'event:response.created': 'implemented',
  // The Zod OutputTextDelta (web/src/events/schemas.ts) declares no `logprobs`, which the spec requires.
  'event:response.output_text.delta': 'partial',
  // OutputTextDoneEvent (backend/app/events.py) and the Zod OutputTextDone both lack `logprobs`.
  'event:response.output_text.done': 'partial',
  'event:response.in_progress': 'partial',
  'event:response.refusal.delta': 'missing',
  'endpoint:POST /v1/responses': 'implemented',
  'endpoint:DELETE /v1/responses/{response_id}': 'missing',
  'param:POST /v1/responses#stream': 'implemented',
  'param:POST /v1/responses#include': 'partial',
  'param:POST /v1/responses#model': 'partial',
  'param:POST /v1/responses#top_p': 'partial',
  'param:POST /v1/responses#user': 'missing',
};

export const EXPECTED_UNKNOWN = {
  'response.tool_call.delta': [`${P}/events.py:81`, `${P}/stream.py:44`, `${T}:18`],
};
