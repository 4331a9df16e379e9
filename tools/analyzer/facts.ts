/**
 * Neutral code facts: what the language adapters (TypeScript via its compiler's parser, Python via
 * web-tree-sitter, recorded traces) return. Mapping, checks and reports see only these, never an
 * AST (STYLE.md "Language adapters turn code into neutral facts").
 */
import { z } from 'zod';
import { FactKindSchema } from '../config/schema.js';

const CodeFactSchema = z.strictObject({
  /** Workspace-relative path, `/`-separated. */
  file: z.string(),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  /**
   * `literal`: a string shaped like an event type (config `unknownLiterals`) in no role the adapters
   * recognise; no lane counts it, the mapping lists it when no spec item has it.
   */
  kind: z.union([FactKindSchema, z.literal('literal')]),
  language: z.enum(['typescript', 'python', 'trace']),
  /** The enclosing or defining symbol: class, interface, function, variable (`ResponseCreatedEvent`, `handleEvent`). */
  symbol: z.string(),
  /** The event `type` string (or other spec literal) the fact ties to, when it names one. */
  literal: z.string().optional(),
  /**
   * definition: the API object the class, interface or schema declares by its `object` field
   * (`object: Literal["response"]` is `object:response`): that object's name in the model.
   */
  object: z.string().optional(),
  /**
   * A constant written where an event type stands (`Events.RESPONSE_CREATED`), as written: the
   * workspace pass replaces it with the string it is assigned (`literal`), in whichever module.
   */
  constant: z.string().optional(),
  /**
   * A constant that counts only when its value is a dotted event type: a dispatch table's key (the
   * table says its keys choose handlers, not that each is an event type; `Levels.ERROR` is a log level's).
   */
  dottedOnly: z.literal(true).optional(),
  /**
   * handler: `literal` is the start of the types handled, not a type (`type.startsWith('response.reasoning')`):
   * the fact ties to every event type starting with it, and ending with `suffix` when an `endsWith`
   * of the same subject narrows the check (`&& type.endsWith('.delta')`).
   */
  prefix: z.literal(true).optional(),
  suffix: z.string().optional(),
  /**
   * handler: a method named for its event type (`on_response_created`), with this before the type's
   * name (`on_`; empty for none). It counts only where some module of the workspace dispatches by
   * such names with this prefix (`getattr(self, "on_" + event.type.replace(".", "_"))`).
   */
  namedBy: z.string().optional(),
  /** A class the fact ties to by name (a constructor call, an import from an SDK), resolved against `classNames` in the model. */
  className: z.string().optional(),
  /** route: HTTP method and path as declared (prefix not yet applied). */
  method: z.string().optional(),
  path: z.string().optional(),
  /** param: the request-model field and what the code declares for it. */
  field: z.string().optional(),
  declaredType: z.string().optional(),
  optional: z.boolean().optional(),
  default: z.string().optional(),
  /** param: values the code accepts for an enum-valued field (a Literal[...] or z.enum). */
  values: z.array(z.string()).optional(),
  /**
   * definition: the field names the defining class, interface or Zod object declares, inherited
   * ones included (a Pydantic alias as sent). Absent when the adapter cannot see them all (a base
   * from a package): the mapping then claims no missing field.
   */
  fields: z.array(z.string()).optional(),
  /** Why the fact ties where it does (`Literal type field`, `import from openai.types.responses`): shown to readers so they can judge it. */
  evidence: z.string().optional(),
  /** A definition by import: the external class it names (`openai.types.responses.ResponseTextDeltaEvent`). */
  external: z.string().optional(),
  /** What `className` resolved to through the module graph: `file#Name` for a workspace declaration, `module.Name` for an external one. */
  target: z.string().optional(),
  /**
   * route: the request models a call chooses between (`A if stream else B`), as written; `className`
   * is the first. The body is what they all extend: `target` is their nearest common base.
   */
  variants: z.array(z.string()).optional(),
  /**
   * route: the view a method-less route serves, as written (Django's `path("v1/x", views.create)`):
   * the workspace pass gives it the methods that view declares, or drops it.
   */
  view: z.string().optional(),
  /**
   * route: its path is a constant another module declares, as written (`RESPONSES_URL`,
   * `config.RESPONSES_URL`, `API.responses`): the workspace pass puts that constant's path (module
   * facts `pathConstants`) in `path`, or drops the route when the name leads to none.
   */
  pathFrom: z.string().optional(),
  /** route: the router or app it is declared on, as written (`router`); another module may mount it under a prefix. */
  router: z.string().optional(),
  /**
   * route: where a handler that holds the raw body hands it to another module, as written: the
   * function (`handle`, `handlers.handle`) or `Class.method` called, which argument is the body (its
   * position past `self`, or its keyword), and the call's line. The workspace pass adds the keys
   * that function reads off it (module facts `bodyReaders`) as the route's body parameters.
   */
  handsBody: z
    .array(
      z.strictObject({
        callee: z.string(),
        arg: z.union([z.number().int().nonnegative(), z.string()]),
        line: z.number().int().positive(),
        /** `super().m(body)`: the method of the class's bases, not its own. */
        inherited: z.literal(true).optional(),
      }),
    )
    .optional(),
  /**
   * route (a client's call): functions of other modules whose return the request is built from, as
   * written for the workspace pass to resolve (`build_params`, `utils.build_params`,
   * `ParamsHandler.build` for `self.handler.build(…)`), with the line of each call. That pass adds
   * the endpoint's parameters they return (module facts `returned`), where they are written.
   */
  returnedBy: z
    .array(
      z.strictObject({
        callee: z.string(),
        line: z.number().int().positive(),
        /** The request is handed to it as this argument, and it writes keys into that (module facts `returned` with `arg`). */
        arg: z.number().int().nonnegative().optional(),
        /** The request is what it returns under this key (`const { body } = buildRequest(…)`; module facts `returned` with `under`). */
        under: z.string().optional(),
      }),
    )
    .optional(),
  /**
   * route: a call of a function a module defines (written as `callee`), either given a URL of
   * `path` as its argument `urlArg` (`post_json(url, payload)`: module facts `clientWrappers`), or
   * given a request as its argument `bodyArg` (`createResponse(client, request)`: module facts
   * `sdkWrappers`). It calls the endpoint when that function sends what it is given, which the
   * workspace pass looks up: then the method (and path) are that request's; otherwise no route.
   */
  wrapper: z
    .strictObject({
      callee: z.string(),
      urlArg: z.number().int().nonnegative().optional(),
      /** The URL given by keyword (`stream_upstream(url=…)`): the parameter's name. */
      urlKeyword: z.string().optional(),
      bodyArg: z.number().int().nonnegative().optional(),
    })
    .optional(),
  /**
   * route: the bases the body's declaration extends, resolved like `target` (a list request's page
   * parameters); param of a model no route sends: the bases its class extends, the same way.
   */
  bases: z.array(z.string()).optional(),
  /**
   * route: the parameters of a request built apart from its call (an object typed as the SDK's
   * request type), and not the endpoint's call itself: the endpoint is not located here.
   */
  paramsOnly: z.literal(true).optional(),
  /**
   * route (with `paramsOnly`): the keys a function named for the endpoint's request returns
   * (`build_responses_request`, client-path.ts `requestBuilderEndpoint`), whether or not a flow
   * from a call reached it: each counts where no call's flow already placed that key.
   */
  namedBuilder: z.literal(true).optional(),
  /** route: the handler's own path and query parameters (FastAPI signatures, decorator routes). */
  params: z
    .array(
      z.strictObject({
        name: z.string(),
        in: z.enum(['path', 'query', 'body']),
        declaredType: z.string().optional(),
        /** Absent for a key a client call sends: sending it says nothing of whether it may be left out. */
        optional: z.boolean().optional(),
        default: z.string().optional(),
        values: z.array(z.string()).optional(),
        /** A key a client sends: the strings it is given (`truncation: "auto"`, `include: ["…"]`), the enum values it sets. */
        sent: z.array(z.string()).optional(),
        line: z.number().int().positive(),
        /** A key a client's request is given in another function than the call's (a builder's): that function. */
        symbol: z.string().optional(),
        /**
         * A key read in another module than the route's (by a function the route hands its body
         * to): that module's file, where `line` is; `symbol` is the function.
         */
        file: z.string().optional(),
        /** With `file`: a key a function of that module returns, which the client's call sends (route facts' `returnedBy`). */
        returned: z.literal(true).optional(),
      }),
    )
    .optional(),
});
export type CodeFact = z.infer<typeof CodeFactSchema>;
/** A call a client's request is built from whose function another module defines (route facts' `returnedBy`). */
export type ReturnHandOff = NonNullable<CodeFact['returnedBy']>[number];
export type CodeFactKind = CodeFact['kind'];

/** A file that did not parse, or a glob that matched nothing: a warning, and mapping goes on. */
export interface AnalyzerWarning {
  file: string;
  line: number;
  column: number;
  message: string;
}
