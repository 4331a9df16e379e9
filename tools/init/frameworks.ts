/**
 * The frameworks `init` recognises, one line of evidence each. They decide which lanes it proposes
 * (a route lane only when something declares routes) and are printed so the user can judge them.
 */
import type { FactLanguage } from '../analyzer/file-role.js';

export type Framework =
  | 'pydantic'
  | 'fastapi'
  | 'decorator-routes'
  | 'flask'
  | 'starlette'
  | 'aiohttp'
  | 'litestar'
  | 'zod'
  | 'ts-types'
  | 'switch-handlers'
  | 'python-handlers'
  | 'django'
  | 'tornado'
  | 'nextjs'
  | 'sveltekit'
  | 'nuxt'
  | 'vercel'
  | 'express'
  | 'fastify'
  | 'hono'
  | 'nestjs'
  | 'openai-python'
  | 'openai-node'
  | 'openai-http-python'
  | 'openai-http-ts';

/** A dotted type as a string (`"response.completed"`): only event types look so, not `"object"`. */
const DOTTED_TYPE = String.raw`['"][a-z_]+\.[a-z_.]+['"]`;
/** What reads a type: `event.type`, `chunk["type"]`, `chunk.get("type")`, a name ending in `type` (`etype`, `event_type`). */
const TYPE_READ = String.raw`(?:\.type\b|\[\s*['"]type['"]\s*\]|\.get\(\s*['"]type['"]\s*\)|\b[a-z_]*type\b)`;
/**
 * A type compared with a dotted type, either way round and negated too (`!=`), or tested for
 * membership of a collection that starts with one (`etype in ("response.failed", "error")`).
 */
const PYTHON_TYPE_CHECK = new RegExp(
  `${TYPE_READ}\\s*(?:[!=]=\\s*${DOTTED_TYPE}|(?:not\\s+)?in\\s*[([{]\\s*${DOTTED_TYPE})|${DOTTED_TYPE}\\s*[!=]=\\s*[\\w.]*?${TYPE_READ}`,
);

interface Detector {
  id: Framework;
  title: string;
  /** The code it shows up in (a `package.json` counts as TypeScript's). */
  language: 'python' | 'typescript';
  /** Python or TypeScript code; `package.json` when language is undefined. */
  applies: (file: string, language: FactLanguage | undefined) => boolean;
  test: (text: string, file: string) => boolean;
  /** A framework that serves HTTP: its code declares routes and emits the stream. */
  server?: boolean;
  /** An SDK of the API: its code calls the endpoints (a route lane holds the calls and what they send). */
  client?: boolean;
  /** Shown by the code alone: tests compare event types without handling a stream. */
  codeOnly?: boolean;
}

const py = (_: string, l: FactLanguage | undefined) => l === 'python';
const ts = (_: string, l: FactLanguage | undefined) => l === 'typescript';
const pkg = (file: string) => file === 'package.json' || file.endsWith('/package.json');
const imports = (module: string) => new RegExp(`(?:from\\s+['"]${module}(?:/[^'"]*)?['"]|require\\(\\s*['"]${module}['"]\\s*\\))`);
/** A route file exports a function per HTTP method (Next.js, SvelteKit). */
const EXPORTS_METHOD = /export\s+(?:async\s+)?(?:function|const)\s+(?:GET|POST|PUT|PATCH|DELETE)\b/;
/** A `(req, res)` handler of every method says which it serves by its request's method (Next.js's pages router, Vercel). */
const COMPARES_METHOD = /\breq\.method\s*[!=]==?|\bswitch\s*\(\s*req\.method\s*\)/;

/** A framework whose routes are files: its dependency in a `package.json`, or a route file (by its path) whose text shows a handler. */
function fileRouted(id: Framework, title: string, dependency: string, routeFile: RegExp, handler: RegExp): Detector {
  return {
    id,
    title,
    language: 'typescript',
    applies: (file, l) => pkg(file) || (l === 'typescript' && routeFile.test(file)),
    server: true,
    test: (t, file) => (pkg(file) ? dependsOn(dependency)(t) : handler.test(t)),
  };
}

const dependsOn = (name: string) => (text: string) => {
  try {
    const json = JSON.parse(text) as Record<string, Record<string, string> | undefined>;
    return Boolean(json.dependencies?.[name] ?? json.devDependencies?.[name]);
  } catch {
    return false;
  }
};

/** The API's own address at the start of a string: a call of it, not a mention in prose. */
const OPENAI_URL = /["'`]https:\/\/api\.openai\.com\/v1\b/;

export const FRAMEWORKS: readonly Detector[] = [
  {
    id: 'pydantic',
    title: 'Pydantic models',
    language: 'python',
    applies: py,
    test: (t) => /^\s*(?:from\s+pydantic(?:\.\w+)*\s+import|import\s+pydantic)\b/m.test(t),
  },
  {
    id: 'fastapi',
    title: 'FastAPI routes',
    language: 'python',
    applies: py,
    server: true,
    test: (t) => /^\s*(?:from\s+fastapi(?:\.\w+)*\s+import|import\s+fastapi)\b/m.test(t),
  },
  {
    id: 'flask',
    title: 'Flask routes',
    language: 'python',
    applies: py,
    server: true,
    test: (t) => /^\s*(?:from\s+flask\s+import|import\s+flask)\b/m.test(t),
  },
  {
    id: 'starlette',
    title: 'Starlette routes',
    language: 'python',
    applies: py,
    server: true,
    test: (t) => /^\s*(?:from\s+starlette(?:\.\w+)*\s+import|import\s+starlette)\b/m.test(t),
  },
  {
    // The server half only: `import aiohttp` alone is as often a client.
    id: 'aiohttp',
    title: 'aiohttp routes',
    language: 'python',
    applies: py,
    server: true,
    test: (t) => /^\s*(?:from\s+aiohttp\s+import\s+(?:\([^)]*)?\bweb\b|from\s+aiohttp\.web\w*\s+import|import\s+aiohttp\.web)/m.test(t),
  },
  {
    id: 'litestar',
    title: 'Litestar routes',
    language: 'python',
    applies: py,
    server: true,
    test: (t) => /^\s*(?:from\s+litestar(?:\.\w+)*\s+import|import\s+litestar)\b/m.test(t),
  },
  {
    id: 'decorator-routes',
    title: 'decorator routes',
    language: 'python',
    applies: py,
    server: true,
    test: (t) => /^\s*@\w+(?:\.\w+)*\.(?:get|post|put|patch|delete|route|api_route)\(\s*['"]\//m.test(t) || /^\s*@webmethod\(/m.test(t),
  },
  {
    id: 'django',
    title: 'Django views',
    language: 'python',
    applies: py,
    server: true,
    test: (t) => /^\s*(?:from\s+django(?:\.\w+)*\s+import|import\s+django)\b/m.test(t),
  },
  {
    // The server half only: `tornado.httpclient` alone is a client.
    id: 'tornado',
    title: 'Tornado handlers',
    language: 'python',
    applies: py,
    server: true,
    test: (t) => /^\s*(?:from\s+tornado\.web\s+import|import\s+tornado\.web)\b/m.test(t),
  },
  {
    // Code that consumes a stream: `if event.type == "response.completed"`, `elif chunk["type"] ==
    // 'response.output_text.delta'`, `match event.type:`. Only dotted types: `schema["type"] ==
    // "object"` is everywhere JSON is read. Or by the event's class, as SDK users do:
    // `isinstance(chunk, responses.ResponseCompletedEvent)`, `case ResponseTextDeltaEvent(…):`;
    // only classes named as the SDK's are (`Response…Event`), not any class called an event.
    id: 'python-handlers',
    title: 'handlers on event types (Python)',
    language: 'python',
    applies: py,
    codeOnly: true,
    test: (t) =>
      PYTHON_TYPE_CHECK.test(t) ||
      /^\s*match\s+[\w.]+(?:\.type|\[\s*['"]type['"]\s*\])\s*:/m.test(t) ||
      /\bisinstance\s*\(\s*[\w.]+\s*,\s*\(?\s*(?:\w+\.)*Response\w*Event\b|^\s*case\s+(?:\w+\.)*Response\w*Event\s*\(/m.test(t),
  },
  { id: 'zod', title: 'Zod schemas', language: 'typescript', applies: ts, test: (t) => imports('zod').test(t) },
  {
    id: 'ts-types',
    title: 'TypeScript interfaces and type aliases',
    language: 'typescript',
    applies: ts,
    test: (t) => /^\s*(?:export\s+)?(?:interface\s+\w+|type\s+\w+\s*(?:<[^>]*>)?\s*=)/m.test(t),
  },
  {
    id: 'switch-handlers',
    title: 'switch handlers on event.type',
    language: 'typescript',
    applies: ts,
    test: (t) => /switch\s*\(\s*[\w.?]*\btype\s*\)/.test(t),
  },
  fileRouted(
    'nextjs',
    'Next.js',
    'next',
    /(?:^|\/)(?:app\/(?:.*\/)?route\.[jt]sx?|pages\/api\/.+\.[cm]?[jt]sx?)$/,
    new RegExp(`${EXPORTS_METHOD.source}|${COMPARES_METHOD.source}`),
  ),
  fileRouted('vercel', 'Vercel functions', '@vercel/node', /^api\/.+\.[cm]?[jt]s$/, COMPARES_METHOD),
  fileRouted('sveltekit', 'SvelteKit', '@sveltejs/kit', /(?:^|\/)routes\/(?:.*\/)?\+server\.[jt]s$/, EXPORTS_METHOD),
  fileRouted('nuxt', 'Nuxt server routes', 'nuxt', /(?:^|\/)server\/(?:api|routes)\//, /\bdefineEventHandler\s*\(/),
  { id: 'express', title: 'Express routes', language: 'typescript', applies: ts, server: true, test: (t) => imports('express').test(t) },
  { id: 'fastify', title: 'Fastify routes', language: 'typescript', applies: ts, server: true, test: (t) => imports('fastify').test(t) },
  { id: 'hono', title: 'Hono routes', language: 'typescript', applies: ts, server: true, test: (t) => imports('hono').test(t) },
  {
    id: 'nestjs',
    title: 'NestJS controllers',
    language: 'typescript',
    applies: ts,
    server: true,
    test: (t) => imports('@nestjs/common').test(t),
  },
  {
    id: 'openai-python',
    title: 'OpenAI SDK calls (Python)',
    language: 'python',
    applies: py,
    client: true,
    test: (t) => /^\s*(?:from\s+openai(?:\.\w+)*\s+import|import\s+openai)\b/m.test(t),
  },
  {
    id: 'openai-node',
    title: 'OpenAI SDK calls (TS)',
    language: 'typescript',
    applies: ts,
    client: true,
    test: (t) => imports('openai').test(t),
  },
  // The API called without its SDK (`requests.post("https://api.openai.com/v1/responses", …)`, `fetch(…)`).
  {
    id: 'openai-http-python',
    title: 'OpenAI API calls over HTTP (Python)',
    language: 'python',
    applies: py,
    client: true,
    test: (t) => OPENAI_URL.test(t),
  },
  {
    id: 'openai-http-ts',
    title: 'OpenAI API calls over HTTP (TS)',
    language: 'typescript',
    applies: ts,
    client: true,
    test: (t) => OPENAI_URL.test(t),
  },
];

export const frameworkTitle = (id: Framework): string => FRAMEWORKS.find((f) => f.id === id)?.title ?? id;
export const isServerFramework = (id: Framework): boolean => Boolean(FRAMEWORKS.find((f) => f.id === id)?.server);
export const isClientFramework = (id: Framework): boolean => Boolean(FRAMEWORKS.find((f) => f.id === id)?.client);
export const frameworkLanguage = (id: Framework): 'python' | 'typescript' => FRAMEWORKS.find((f) => f.id === id)?.language ?? 'typescript';
