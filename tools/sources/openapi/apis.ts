/**
 * Which APIs one OpenAPI source reads: the config's `apis` (names resolved through the document's
 * bundled profile, or scopes of their own), else the profile's defaults, else one API that is the
 * whole document. Resolution problems are config errors at the source, collected, never thrown.
 */
import type { SourceConfig } from '../../config/schema.js';
import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import { detectSourceProfile, type ApiScope, type SourceProfile } from '../../profiles/source-profile.js';
import { childOf, isObject, type OpenApiContext } from './context.js';

/** A document no profile knows is one API: every path and every stream it defines. */
const WHOLE_DOCUMENT: ApiScope = { name: 'api', paths: ['/**'] };

export interface ResolvedApis {
  profile?: SourceProfile;
  apis: ApiScope[];
}

function componentNames(ctx: OpenApiContext): Set<string> {
  const schemas = childOf({ value: ctx.doc, pointer: [] }, 'components', 'schemas');
  return new Set(schemas && isObject(schemas.value) ? Object.keys(schemas.value) : []);
}

export function resolveApis(ctx: OpenApiContext, configured: SourceConfig['apis'], bag: DiagnosticBag): ResolvedApis {
  const profile = detectSourceProfile(componentNames(ctx));
  const wanted = configured ?? profile?.defaultApis ?? [WHOLE_DOCUMENT];
  const apis: ApiScope[] = [];
  for (const entry of wanted) {
    if (typeof entry !== 'string') {
      apis.push(entry);
      continue;
    }
    const known = profile?.apis.find((a) => a.name === entry);
    if (known) {
      apis.push(known);
      continue;
    }
    bag.error({
      code: 'unknown-api',
      file: ctx.file,
      line: 1,
      column: 1,
      message: `Found API \`${entry}\` in the source's \`apis\`, expected ${profile ? `one of ${profile.apis.map((a) => `\`${a.name}\``).join(', ')} (profile ${profile.name})` : 'a scope object (`{ "name", "paths", "events" }`): no bundled profile knows this document'}`,
      hint: 'name an API the profile defines, or write its scope out in full',
    });
  }
  const names = apis.map((a) => a.name);
  for (const [i, name] of names.entries()) {
    if (names.indexOf(name) !== i) {
      bag.error({
        code: 'duplicate-api',
        file: ctx.file,
        line: 1,
        column: 1,
        message: `Found API \`${name}\` twice in the source's \`apis\`, expected each name once`,
        hint: 'remove or rename one of them',
      });
    }
  }
  return { ...(profile && { profile }), apis: apis.filter((a, i) => names.indexOf(a.name) === i) };
}
