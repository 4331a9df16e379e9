/** The corpora and fixtures the mapping is measured on, each with its config and truth. */
import { join } from 'node:path';
import { TRUTH as LLAMA_STACK } from './truth/llama-stack.js';
import { TRUTH as OPENAI_NODE } from './truth/openai-node.js';
import { TRUTH as VERCEL_AI } from './truth/vercel-ai.js';
import {
  PY_AGENTS,
  PY_CLIENT,
  PY_CONSTANTS,
  PY_ROUTES,
  PY_SDK,
  PY_SERVER,
  TS_CLIENT,
  TS_CONSTANTS,
  TS_SERVER,
  TS_SERVERS,
} from './truth/fixtures.js';
import type { TruthCorpus } from './truth-types.js';

const REPO = join(import.meta.dirname, '../..');
const FIXTURES = join(import.meta.dirname, 'fixtures');

export const FIXTURE_CORPORA: TruthCorpus[] = [
  {
    name: 'fixture: Python server importing SDK classes',
    config: join(FIXTURES, 'py-server/specmap.config.json'),
    truth: PY_SERVER,
    // Its own `response.error` class, and another API's request model, tie to nothing of the spec's.
    never: [
      'event:error',
      'param:POST /v1/responses#messages',
      'param:POST /v1/responses#tools',
      'param:POST /v1/responses#user',
      'param:POST /v1/responses#store',
    ],
    unknown: ['response.error'],
  },
  { name: 'fixture: agents SDK events told apart by name', config: join(FIXTURES, 'py-agents/specmap.config.json'), truth: PY_AGENTS },
  { name: 'fixture: SDK package with __init__ re-imports', config: join(FIXTURES, 'py-sdk/specmap.config.json'), truth: PY_SDK },
  {
    name: 'fixture: TS server routes (Next.js, Express) and their body schemas',
    config: join(FIXTURES, 'ts-server/specmap.config.json'),
    truth: TS_SERVER,
    // The response schema shares `model`, `temperature`, `top_p`, `store` with the request body.
    never: ['param:POST /v1/responses#top_p', 'param:POST /v1/responses#store'],
  },
  {
    name: 'fixture: Python client laid out as SDKs are (resources, TypedDict params, a chosen request model)',
    config: join(FIXTURES, 'py-client/specmap.config.json'),
    truth: PY_CLIENT,
  },
  {
    name: 'fixture: Python routes registered by calls (Flask, aiohttp) or mounted under a prefix, and a stream framed by hand',
    config: join(FIXTURES, 'py-routes/specmap.config.json'),
    truth: PY_ROUTES,
    never: ['event:error', 'event:response.incomplete'],
  },
  {
    name: 'fixture: TS NestJS, Hono, Fastify, chained and mounted routes, an SDK call built first, a stream framed by hand',
    config: join(FIXTURES, 'ts-servers/specmap.config.json'),
    truth: TS_SERVERS,
    never: ['event:error', 'event:response.queued'],
  },
  {
    name: 'fixture: Python event types written as constants of another module (an Enum, a module constant)',
    config: join(FIXTURES, 'py-constants/specmap.config.json'),
    truth: PY_CONSTANTS,
  },
  {
    name: 'fixture: TS event types written as members of another module (an enum, a const object, a constant)',
    config: join(FIXTURES, 'ts-constants/specmap.config.json'),
    truth: TS_CONSTANTS,
  },
  {
    name: 'fixture: TS barrel, aliases, a second API, Error subclasses',
    config: join(FIXTURES, 'ts-client/specmap.config.json'),
    truth: TS_CLIENT,
    never: ['event:error'],
    otherShape: { 'event:response.created': ['src/realtime.mts:5'] },
  },
];

export const REAL_CORPORA: TruthCorpus[] = [
  {
    name: 'llama-stack (Python server)',
    config: join(REPO, 'bench/accuracy/llama-stack.config.json'),
    truth: LLAMA_STACK,
    unknown: ['response.mcp_call.arguments.delta', 'response.mcp_call.arguments.done'],
    otherShape: { 'object:response': ['llama_stack/apis/agents/openai_responses.py:370'] },
  },
  { name: 'vercel-ai (TypeScript client)', config: join(REPO, 'bench/accuracy/vercel-ai.config.json'), truth: VERCEL_AI },
  {
    name: 'openai-node (TypeScript SDK: endpoint calls)',
    config: join(REPO, 'bench/accuracy/openai-node.config.json'),
    truth: OPENAI_NODE,
  },
];
