/**
 * Truth for the fixture workspaces under tests/accuracy/fixtures/, written by hand. Each fixture
 * reproduces what a naive, name-based mapping gets wrong on real code:
 * - py-server: SDK event classes imported by name (plain, grouped, inside `try`/`except ImportError`
 *   and `if TYPE_CHECKING`); its own `ResponseErrorEvent` whose literal is `response.error` (not the
 *   `error` event); a response model and another API's request model beside the request model;
 *   FastAPI path and query parameters; a test that reads `response.json()["error"]["type"]`.
 * - py-sdk: an SDK package whose `__init__.py` files re-import each class under its own name.
 * - ts-server: a Next.js route file that parses its body with a Zod schema from another module (beside a
 *   response schema with overlapping fields), and Express routes with `:id` path parameters and a
 *   `Request<P, R, Body>` handler.
 * - py-agents: an agents SDK's own events from a catalog: kinds by `type`, run items by `name`
 *   (`name: Literal[...]`, `RunItemStreamEvent(name=…)`, `event.name == …`), beside a log call whose
 *   `extra={"name": …}` names no event.
 * - ts-client: a barrel (`export *`, `export { X as Y } from`), `Extract<>` and intersection aliases,
 *   another API's interface with the same `type` string, classes that extend `Error`, and a class
 *   whose private field's inline type mentions `{ type: 'error' }`.
 */
import type { TruthGroup } from '../truth-types.js';

export const PY_SERVER: TruthGroup[] = [
  {
    lane: 'definition',
    file: 'server/protocol.py',
    at: [
      [5, 'event:response.completed', 'ResponseCompletedEvent'],
      [6, 'event:response.created', 'ResponseCreatedEvent'],
      [7, 'event:response.output_text.delta', 'ResponseTextDeltaEvent'],
      [12, 'event:response.reasoning_summary_text.delta', 'ResponseReasoningSummaryTextDeltaEvent'],
      [17, 'event:response.failed', 'ResponseFailedEvent'],
    ],
  },
  {
    // SDK classes read through a module the file imported: defined at their first reference.
    lane: 'definition',
    file: 'server/lifecycle.py',
    at: [
      [6, 'event:response.in_progress', 'rt.ResponseInProgressEvent('],
      [9, 'event:response.incomplete', 'responses.ResponseIncompleteEvent:'],
    ],
  },
  {
    lane: 'emitter',
    file: 'server/stream.py',
    at: [
      [5, 'event:response.created'],
      [6, 'event:response.output_text.delta', 'ResponseTextDeltaEvent('],
    ],
  },
  {
    lane: 'emitter',
    file: 'server/lifecycle.py',
    at: [
      [6, 'event:response.in_progress', 'type="response.in_progress"'],
      [10, 'event:response.incomplete', 'responses.ResponseIncompleteEvent('],
    ],
  },
  { lane: 'handler', file: 'server/stream.py', at: [[12, 'event:response.output_text.delta', 'case ResponseTextDeltaEvent(']] },
  {
    lane: 'server',
    file: 'server/routes.py',
    at: [
      [10, 'endpoint:POST /v1/responses'],
      [15, 'endpoint:GET /v1/responses/{response_id}/input_items'],
      [17, 'param:GET /v1/responses/{response_id}/input_items#response_id'],
      [18, 'param:GET /v1/responses/{response_id}/input_items#after'],
      [19, 'param:GET /v1/responses/{response_id}/input_items#limit'],
      [20, 'param:GET /v1/responses/{response_id}/input_items#order'],
      [20, 'enum:GET /v1/responses/{response_id}/input_items#order=asc'],
      [20, 'enum:GET /v1/responses/{response_id}/input_items#order=desc'],
    ],
  },
  {
    lane: 'server',
    file: 'server/models.py',
    at: [
      [8, 'param:POST /v1/responses#model'],
      [9, 'param:POST /v1/responses#input'],
      [10, 'param:POST /v1/responses#stream'],
      [11, 'param:POST /v1/responses#temperature'],
      [12, 'param:POST /v1/responses#top_p'],
      [13, 'param:POST /v1/responses#include'],
      [13, 'enum:POST /v1/responses#include=file_search_call.results'],
      [13, 'enum:POST /v1/responses#include=message.output_text.logprobs'],
    ],
  },
  { lane: 'test', file: 'tests/test_api.py', at: [[8, 'event:response.created']] },
];

export const PY_SDK: TruthGroup[] = [
  { lane: 'definition', file: 'src/openai/types/responses/response_text_done_event.py', at: [[12, 'event:response.output_text.done']] },
  { lane: 'handler', file: 'src/openai/lib/streaming.py', at: [[5, 'event:response.output_text.done', 'ResponseTextDoneEvent']] },
];

export const TS_CLIENT: TruthGroup[] = [
  {
    lane: 'definition',
    file: 'src/events.mts',
    at: [
      [2, 'event:response.created'],
      [8, 'event:response.output_text.delta'],
      [20, 'event:response.completed'],
    ],
  },
  { lane: 'emitter', file: 'src/stream.mts', at: [[9, 'event:response.completed', 'new CompletedEvent']] },
  {
    lane: 'handler',
    file: 'src/stream.mts',
    at: [
      [20, 'event:response.created'],
      [22, 'event:response.output_text.delta'],
    ],
  },
  { lane: 'test', file: 'src/stream.spec.mts', at: [[1, 'event:response.created']] },
];

export const TS_SERVER: TruthGroup[] = [
  { lane: 'server', file: 'app/v1/responses/route.mts', at: [[3, 'endpoint:POST /v1/responses', 'export async function POST']] },
  {
    lane: 'server',
    file: 'lib/schemas.mts',
    at: [
      [4, 'param:POST /v1/responses#model'],
      [5, 'param:POST /v1/responses#input'],
      [6, 'param:POST /v1/responses#stream'],
      [7, 'param:POST /v1/responses#temperature'],
    ],
  },
  {
    lane: 'server',
    file: 'server.mts',
    at: [
      [6, 'endpoint:GET /v1/responses/{response_id}', "'/v1/responses/:id'"],
      [6, 'param:GET /v1/responses/{response_id}#response_id', ':id'],
      [10, 'endpoint:POST /v1/responses/{response_id}/cancel', 'cancel'],
      [10, 'param:POST /v1/responses/{response_id}/cancel#response_id', ':id'],
    ],
  },
];

export const PY_AGENTS: TruthGroup[] = [
  {
    lane: 'definition',
    file: 'agents/stream_events.py',
    at: [
      [9, 'event:raw_response_event'],
      [14, 'event:message_output_created'],
      [14, 'event:tool_called'],
      [14, 'event:tool_output'],
      [16, 'event:run_item_stream_event'],
    ],
  },
  { lane: 'emitter', file: 'agents/runner.py', at: [[10, 'event:tool_called']] },
  { lane: 'handler', file: 'agents/runner.py', at: [[14, 'event:tool_output']] },
];

export const PY_CLIENT: TruthGroup[] = [
  {
    // A wrapper whose payload is built by helpers (a property, a comprehension over a dict, keys set
    // after, `**kwargs` from its caller) and sent with `**payload`; `n` is no parameter of the endpoint.
    lane: 'client',
    file: 'sdk/wrappers/chat.py',
    at: [
      [12, 'param:POST /v1/responses#temperature'],
      [13, 'param:POST /v1/responses#model'],
      [17, 'param:POST /v1/responses#input'],
      [21, 'param:POST /v1/responses#stream'],
      [23, 'endpoint:POST /v1/responses', 'responses.create(**payload'],
    ],
  },
  {
    lane: 'client',
    file: 'sdk/resources/responses.py',
    at: [
      [6, 'endpoint:POST /v1/responses', 'self._post('],
      [10, 'param:POST /v1/responses#model'],
      [11, 'param:POST /v1/responses#input'],
      [12, 'param:POST /v1/responses#include'],
      [13, 'param:POST /v1/responses#stream'],
      [14, 'param:POST /v1/responses#temperature'],
      [15, 'param:POST /v1/responses#truncation'],
      [24, 'endpoint:GET /v1/responses/{response_id}/input_items', 'self._get_api_list('],
      [24, 'param:GET /v1/responses/{response_id}/input_items#response_id', 'self._get_api_list('],
      [27, 'param:GET /v1/responses/{response_id}/input_items#after'],
      [27, 'param:GET /v1/responses/{response_id}/input_items#limit'],
      [27, 'param:GET /v1/responses/{response_id}/input_items#order'],
      [32, 'endpoint:DELETE /v1/responses/{response_id}', 'self._delete('],
      [32, 'param:DELETE /v1/responses/{response_id}#response_id'],
      // The path a helper fills (`path_template(…)`), and the query a union alias of two variants types.
      [35, 'endpoint:GET /v1/responses/{response_id}', 'self._get('],
      [35, 'param:GET /v1/responses/{response_id}#response_id', 'self._get('],
      [39, 'param:GET /v1/responses/{response_id}#include'],
      [39, 'param:GET /v1/responses/{response_id}#starting_after'],
      [39, 'param:GET /v1/responses/{response_id}#stream'],
    ],
  },
  {
    // The base both variants of the chosen request extend; `stream` differs between them and is
    // located only where the call sends it.
    lane: 'client',
    file: 'sdk/types/responses/create_params.py',
    at: [
      [10, 'param:POST /v1/responses#input'],
      [11, 'param:POST /v1/responses#model'],
      [12, 'param:POST /v1/responses#include'],
      [12, 'enum:POST /v1/responses#include=reasoning.encrypted_content', 'Includable'],
      [12, 'enum:POST /v1/responses#include=message.output_text.logprobs', 'Includable'],
      [13, 'param:POST /v1/responses#temperature'],
      [14, 'param:POST /v1/responses#truncation'],
      [14, 'enum:POST /v1/responses#truncation=auto'],
      [14, 'enum:POST /v1/responses#truncation=disabled'],
      // An alias of `Optional[Literal[…]]`: the values it lists, `None` aside.
      [15, 'param:POST /v1/responses#service_tier'],
      [15, 'enum:POST /v1/responses#service_tier=auto', 'ServiceTier'],
      [15, 'enum:POST /v1/responses#service_tier=default', 'ServiceTier'],
      [15, 'enum:POST /v1/responses#service_tier=flex', 'ServiceTier'],
    ],
  },
  {
    // A proxy's request named as such requests are, with two fields of its own: what it inherits
    // from its base makes it one, and the base's fields are located where the base declares them.
    lane: 'client',
    file: 'sdk/types/proxy_params.py',
    at: [
      [8, 'param:POST /v1/responses#top_p'],
      [9, 'param:POST /v1/responses#max_output_tokens'],
      [10, 'param:POST /v1/responses#previous_response_id'],
      [14, 'param:POST /v1/responses#model'],
      [15, 'param:POST /v1/responses#input'],
    ],
  },
  {
    // The base both variants of `RetrieveParams = Union[…]` extend; `stream` differs between them.
    lane: 'client',
    file: 'sdk/types/responses/retrieve_params.py',
    at: [
      [9, 'param:GET /v1/responses/{response_id}#include'],
      [9, 'enum:GET /v1/responses/{response_id}#include=reasoning.encrypted_content', 'Includable'],
      [9, 'enum:GET /v1/responses/{response_id}#include=message.output_text.logprobs', 'Includable'],
      [10, 'param:GET /v1/responses/{response_id}#include_obfuscation'],
      [11, 'param:GET /v1/responses/{response_id}#starting_after'],
    ],
  },
  {
    lane: 'client',
    file: 'sdk/resources/conversation_items.py',
    at: [
      [6, 'endpoint:GET /v1/conversations/{conversation_id}/items/{item_id}', 'self._get('],
      [6, 'param:GET /v1/conversations/{conversation_id}/items/{item_id}#conversation_id', 'self._get('],
      [6, 'param:GET /v1/conversations/{conversation_id}/items/{item_id}#item_id', 'self._get('],
      [8, 'param:GET /v1/conversations/{conversation_id}/items/{item_id}#include'],
    ],
  },
  {
    // A query model with one query field: the path parameter it also declares makes it one.
    lane: 'client',
    file: 'sdk/types/conversations/item_retrieve_params.py',
    at: [
      [9, 'param:GET /v1/conversations/{conversation_id}/items/{item_id}#conversation_id'],
      [11, 'param:GET /v1/conversations/{conversation_id}/items/{item_id}#include'],
      [11, 'enum:GET /v1/conversations/{conversation_id}/items/{item_id}#include=reasoning.encrypted_content', 'Includable'],
      [11, 'enum:GET /v1/conversations/{conversation_id}/items/{item_id}#include=message.output_text.logprobs', 'Includable'],
    ],
  },
  {
    lane: 'client',
    file: 'sdk/types/responses/item_list_params.py',
    at: [
      [5, 'param:GET /v1/responses/{response_id}/input_items#after'],
      [6, 'param:GET /v1/responses/{response_id}/input_items#limit'],
      [7, 'param:GET /v1/responses/{response_id}/input_items#order'],
      [7, 'enum:GET /v1/responses/{response_id}/input_items#order=asc'],
      [7, 'enum:GET /v1/responses/{response_id}/input_items#order=desc'],
    ],
  },
];

export const PY_ROUTES: TruthGroup[] = [
  {
    lane: 'server',
    file: 'app/main.py',
    at: [
      [6, 'endpoint:GET /v1/responses/{response_id}', '<response_id>'],
      [7, 'param:GET /v1/responses/{response_id}#response_id'],
      [19, 'endpoint:DELETE /v1/responses/{response_id}', 'add_url_rule'],
      [19, 'param:DELETE /v1/responses/{response_id}#response_id'],
      [20, 'endpoint:POST /v1/responses'],
    ],
  },
  {
    lane: 'server',
    file: 'app/aio.py',
    at: [
      [13, 'endpoint:POST /v1/responses/{response_id}/cancel'],
      [13, 'param:POST /v1/responses/{response_id}/cancel#response_id'],
      [14, 'endpoint:GET /v1/responses/{response_id}/input_items'],
      [14, 'param:GET /v1/responses/{response_id}/input_items#response_id'],
    ],
  },
  {
    // Declared on a router that app/api.py mounts under `/v1/conversations`.
    lane: 'server',
    file: 'app/routers/conversations.py',
    at: [
      [6, 'endpoint:GET /v1/conversations/{conversation_id}', '@router.get('],
      [7, 'param:GET /v1/conversations/{conversation_id}#conversation_id'],
      [11, 'endpoint:DELETE /v1/conversations/{conversation_id}', '@router.delete('],
      [12, 'param:DELETE /v1/conversations/{conversation_id}#conversation_id'],
      // A handler that reads the raw request: the keys it reads are its parameters.
      [16, 'endpoint:POST /v1/conversations', '@router.post('],
      [19, 'param:POST /v1/conversations#items', 'body.get("items"'],
      [19, 'param:POST /v1/conversations#metadata', 'body["metadata"]'],
    ],
  },
  {
    lane: 'emitter',
    file: 'app/stream.py',
    at: [
      [5, 'event:response.created'],
      [7, 'event:response.output_text.delta'],
      [8, 'event:response.completed'],
    ],
  },
];

export const TS_SERVERS: TruthGroup[] = [
  {
    lane: 'server',
    file: 'src/responses.controller.mts',
    at: [
      [4, 'param:POST /v1/responses#model'],
      [6, 'param:POST /v1/responses#input'],
      [7, 'param:POST /v1/responses#truncation'],
      [7, 'enum:POST /v1/responses#truncation=auto'],
      [7, 'enum:POST /v1/responses#truncation=disabled'],
      [12, 'endpoint:POST /v1/responses', '@Post()'],
      [17, 'endpoint:GET /v1/responses/{response_id}', "@Get(':id')"],
      [18, 'param:GET /v1/responses/{response_id}#response_id', "@Param('id')"],
      [18, 'param:GET /v1/responses/{response_id}#include'],
    ],
  },
  {
    lane: 'server',
    file: 'src/routers.mts',
    at: [
      [5, 'endpoint:POST /v1/conversations'],
      [8, 'endpoint:DELETE /v1/conversations/{conversation_id}', 'fastify.route('],
      [8, 'param:DELETE /v1/conversations/{conversation_id}#conversation_id', 'fastify.route('],
      // Express's route chain: one path, a route per method.
      [23, 'endpoint:GET /v1/conversations/{conversation_id}', '.get(getConversation)'],
      [23, 'param:GET /v1/conversations/{conversation_id}#conversation_id'],
      [23, 'endpoint:DELETE /v1/conversations/{conversation_id}', '.delete(deleteConversation)'],
      [23, 'param:DELETE /v1/conversations/{conversation_id}#conversation_id'],
      // Hono's chain over several lines: each call at its own.
      [25, 'endpoint:GET /v1/conversations/{conversation_id}/items'],
      [25, 'param:GET /v1/conversations/{conversation_id}/items#conversation_id'],
      [26, 'endpoint:POST /v1/conversations/{conversation_id}/items'],
      [26, 'param:POST /v1/conversations/{conversation_id}/items#conversation_id'],
    ],
  },
  {
    // Declared on a router that src/main.mts mounts under `/v1/responses`.
    lane: 'server',
    file: 'src/input-items.router.mts',
    at: [
      [7, 'endpoint:GET /v1/responses/{response_id}/input_items', "router.get('/:response_id/input_items'"],
      [7, 'param:GET /v1/responses/{response_id}/input_items#response_id', ':response_id'],
    ],
  },
  {
    // A wrapper: the request is built by one method, passed to another's parameter and sent there.
    lane: 'server',
    file: 'src/wrapper.mts',
    at: [
      [10, 'param:POST /v1/responses#model'],
      [11, 'param:POST /v1/responses#max_output_tokens'],
      [14, 'param:POST /v1/responses#truncation'],
      [19, 'endpoint:POST /v1/responses', 'responses.create(request'],
      [23, 'param:POST /v1/responses#input'],
      [23, 'param:POST /v1/responses#stream'],
    ],
  },
  {
    lane: 'server',
    file: 'src/agent.mts',
    at: [
      [8, 'param:POST /v1/responses#model'],
      [9, 'param:POST /v1/responses#instructions'],
      [10, 'param:POST /v1/responses#input'],
      [11, 'param:POST /v1/responses#stream'],
      [13, 'endpoint:POST /v1/responses', 'responses.create(request'],
    ],
  },
  {
    lane: 'emitter',
    file: 'src/stream.mts',
    at: [
      [2, 'event:response.in_progress'],
      [3, 'event:response.failed'],
    ],
  },
  {
    // SSE messages built as values: their `event` beside a `data`.
    lane: 'emitter',
    file: 'src/sse.mts',
    at: [
      [6, 'event:response.created'],
      [7, 'event:response.output_text.delta'],
    ],
  },
];

/** tests/accuracy/fixtures/py-constants: event types written as constants, declared in another module. */
export const PY_CONSTANTS: TruthGroup[] = [
  {
    lane: 'definition',
    file: 'app/models.py',
    at: [
      [9, 'event:response.created', 'StreamEvents.RESPONSE_CREATED'],
      [15, 'event:response.in_progress', 'IN_PROGRESS'],
    ],
  },
  {
    lane: 'emitter',
    file: 'app/server.py',
    at: [
      [7, 'event:response.created', 'StreamEvents.RESPONSE_CREATED'],
      [8, 'event:response.output_text.delta', 'StreamEvents.OUTPUT_TEXT_DELTA'],
      [9, 'event:response.in_progress', 'events.IN_PROGRESS'],
    ],
  },
  {
    lane: 'handler',
    file: 'app/server.py',
    at: [
      [13, 'event:error', 'StreamEvents.ERROR'],
      [16, 'event:response.completed', 'StreamEvents.RESPONSE_COMPLETED'],
      [28, 'event:response.completed', 'SE.RESPONSE_COMPLETED'],
    ],
  },
];

/** tests/accuracy/fixtures/ts-constants: event types written as members of another module's enum or const object. */
export const TS_CONSTANTS: TruthGroup[] = [
  {
    lane: 'definition',
    file: 'src/types.mts',
    at: [
      [5, 'event:response.created', 'EventType.Created'],
      [11, 'event:response.failed', 'RESPONSE_FAILED'],
      [17, 'event:response.in_progress', 'Kinds.IN_PROGRESS'],
    ],
  },
  {
    lane: 'emitter',
    file: 'src/stream.mts',
    at: [
      [5, 'event:response.created', 'EventType.Created'],
      [6, 'event:response.in_progress', 'Kinds.IN_PROGRESS'],
      [7, 'event:response.output_text.delta', 'events.EventType.OutputDelta'],
    ],
  },
  {
    lane: 'handler',
    file: 'src/stream.mts',
    at: [
      [12, 'event:response.completed', 'EventType.Completed'],
      [15, 'event:error', 'EventType.Error'],
    ],
  },
];
