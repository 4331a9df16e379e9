/**
 * What a file says about names, for the workspace pass that resolves them (bindings, not bare
 * names): which names it declares, which it imports and from where, and which it re-exports.
 * Adapters fill it per file (cached with the file's facts); bindings.ts joins the files.
 */

import type { CodeFact } from './facts.js';

type HandOff = NonNullable<CodeFact['handsBody']>[number];

/** One imported name. `name` is `*` when the local name is the module itself (`import * as ns`, `import a.b as c`). */
interface ImportBinding {
  local: string;
  /** The specifier as written: `openai.types.responses`, `.events`, `..`, `./schemas`, `openai/resources/responses`. */
  module: string;
  name: string;
  line: number;
  column: number;
  /** The file names it only to take a part of it (`Event['part']`): no definition of the event. */
  partOnly?: true;
}

/** `export { local as name }`, `export { name as exported } from 'm'`. */
interface ExportBinding {
  name: string;
  /** A name of this module. */
  local?: string;
  /** Re-exported from another module: that module and the name there. */
  module?: string;
  imported?: string;
  /** Where a re-export from another module stands: [line, column]. */
  exportLine?: [number, number];
}

export interface ModuleFacts {
  /** Names declared at module level: classes, interfaces, type aliases, functions, variables. */
  declared: string[];
  imports: ImportBinding[];
  /** A declared name that only names another (`Y = X`, `type Y = X`, `const Y = ns.X`): [local, written target]. */
  aliases: [string, string][];
  exports: ExportBinding[];
  /** Modules whose every name this one passes on (`export * from 'm'`, `from m import *`). */
  stars: string[];
  /** Aliases of string unions (`type Includable = 'a' | 'b'`): the values a field typed with one accepts. */
  unions?: [string, string[]][];
  /**
   * Event types assigned to a name (`RESPONSE_CREATED = "response.created"`) or to a member of a
   * module-level class (`Events.RESPONSE_CREATED`): [name, the string], for code that writes the name.
   */
  constants?: [string, string][];
  /**
   * Paths held by module-level constants (`RESPONSES_URL = "https://api.openai.com/v1/responses"`,
   * `export const API = { responses: '/v1/responses' }` as `API.responses`): [name, path], for calls of
   * other modules that send to the name (route facts' `pathFrom`).
   */
  pathConstants?: [string, string][];
  /**
   * Collections of constants assigned to a name (`TERMINAL = {Events.COMPLETED, Events.FAILED}`,
   * `const TERMINAL = new Set([EventType.Completed])`): [name, the constants as written], each read
   * where it is declared, as a constant written in code is.
   */
  constantSets?: [string, string[]][];
  /**
   * Type aliases of an SDK's request type (`type ChatRequest = Omit<ResponseCreateParams, 'input'>`):
   * [name, the endpoint's method, its path], for a request typed with the alias in another module.
   */
  requestTypes?: [string, string, string][];
  /** Aliases of unions of classes (`Params = Union[ParamsStreaming, ParamsNonStreaming]`): [name, the members as written]. */
  variants?: [string, string[]][];
  /** Interfaces and classes that extend others: [name, the bases as written]. */
  bases?: [string, string[]][];
  /** Routers mounted under a prefix (`app.include_router(r.router, prefix="/v1")`): [mounted, into, prefix], as written. */
  mounts?: [string, string, string][];
  /**
   * Views that say which HTTP methods they serve (Django's `@require_POST`, `@require_http_methods`,
   * DRF's `@api_view`, a class-based view's `def get`): [name, methods].
   */
  views?: [string, string[]][];
  /**
   * Functions and methods that read keys off a parameter (`payload["model"]`, `payload.get("stream")`),
   * for a route of another module that hands them its raw body: the function (`handle`) or method
   * (`Handler.handle`), its parameter names past `self`, [parameter index, key, line] per key read,
   * and [parameter index, hand-off] where it hands the parameter on to another function. A request
   * handler another module registers (`router.post('/', createResponse)`) also lists what it reads
   * off its request's body, under the index `REQUEST_BODY`.
   */
  bodyReaders?: { name: string; params: string[]; read: [param: number, key: string, line: number][]; handedOn?: [number, HandOff][] }[];
  /**
   * What module-level functions and methods (`Class.method`) return, for those that return a
   * request's keys (`return {"model": …, "input": …}`, a dict built in the function): the keys some
   * endpoint has, each with the line it is written at. A client call of another module whose request
   * is built by one of them (`create(**build_params(…))`, route facts' `returnedBy`) sends these.
   */
  returned?: {
    name: string;
    /** Each key, the line it is written at, and the strings it is given there (`truncation: 'auto'`), if any. */
    keys: [key: string, line: number, sent?: string[]][];
    /** Not what it returns: the keys it writes into its parameter at this place (`applyOptions(body, o)`). */
    arg?: number;
    /** Not what it returns: what it returns under this key (`return { body, headers }`). */
    under?: string;
  }[];
  /**
   * Module-level functions and methods (`Class.method`) that send a request to the URL they are
   * given as a parameter (`def post_json(url, payload): … urllib.request.Request(url, data=…,
   * method="POST")`): the method, and the parameter's position and name. A call of one from another
   * module with a URL of an endpoint's path is a call of that endpoint (route facts' `wrapper`).
   */
  clientWrappers?: [name: string, method: string, urlParam: number, urlName?: string][];
  /**
   * Module-level functions that send the request they are given as a parameter through an SDK call
   * (`export function createResponse(client, request) { return client.responses.create(request) }`):
   * the parameter's position and the endpoint. A call of one from another module given an object of
   * the endpoint's keys is a call of that endpoint (route facts' `wrapper`).
   */
  sdkWrappers?: [name: string, param: number, method: string, path: string][];
  /**
   * Dispatches to a method named after the event's type (`getattr(self, "on_" + event.type.replace(".", "_"))`):
   * the text before the type's name in each (`on_`; empty for none).
   */
  nameDispatch?: string[];
}

/**
 * A holder's undotted constant (`ERROR = "error"`) is an event type only in a holder of event types,
 * one that also holds a dotted one (`CREATED = "response.created"`): a log level or a status enum
 * says `error` too, and code compares with it everywhere. A bare one never counts, but in a
 * collection that also holds a dotted one (`TERMINAL = ["response.completed", "error"]`).
 */
export function keepEventConstants(module: ModuleFacts): void {
  const constants = module.constants;
  if (!constants) return;
  const dotted = (value: string) => value.includes('.');
  const holderOf = (name: string) => name.slice(0, Math.max(0, name.lastIndexOf('.')));
  const eventHolders = new Set(constants.filter(([name, value]) => name.includes('.') && dotted(value)).map(([name]) => holderOf(name)));
  // A collection (`TERMINAL = ["response.completed", "error"]`) that holds a dotted type holds event types.
  const eventCollections = new Set(constants.filter(([, value]) => dotted(value)).map(([name]) => name));
  const kept = constants.filter(
    ([name, value]) => dotted(value) || eventCollections.has(name) || (name.includes('.') && eventHolders.has(holderOf(name))),
  );
  if (kept.length > 0) module.constants = kept;
  else delete module.constants;
}

/** The export a CommonJS module gives `require` whole (`module.exports = router`). */
export const COMMONJS_EXPORT = 'module.exports';

/** `bodyReaders`' index for a handler's request body, and the hand-off argument that asks for it. */
export const REQUEST_BODY = -1;
export const REQUEST_BODY_ARG = '(request body)';

export function emptyModuleFacts(): ModuleFacts {
  return { declared: [], imports: [], aliases: [], exports: [], stars: [] };
}
