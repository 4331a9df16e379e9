/**
 * Route files: files that are routes by their path, whatever their text mentions (Next.js's app
 * router, SvelteKit's `+server.ts`, Nuxt's `server/api/x.post.ts`). The prefilter parses them all;
 * the TypeScript adapter reads their routes.
 */

/**
 * The frameworks whose route files are routes by their path: Next.js's app router, SvelteKit, and
 * Nuxt's server routes (`server/api/…` served under `/api`, `server/routes/…` as they are), whose
 * file name ends in the method it handles (`responses.post.ts`).
 */
const ROUTE_FILES: readonly { framework: string; pattern: RegExp; prefix?: (m: RegExpExecArray) => string }[] = [
  { framework: 'Next.js', pattern: /(?:^|\/)app\/((?:.*\/)?)route\.[cm]?[jt]sx?$/ },
  { framework: 'SvelteKit', pattern: /(?:^|\/)routes\/((?:.*\/)?)\+server\.[cm]?[jt]s$/ },
  {
    framework: 'Nuxt',
    pattern: /(?:^|\/)server\/(api|routes)\/((?:.*\/)?[^/]+?)\.(get|post|put|patch|delete)\.[cm]?[jt]s$/,
    prefix: (m) => (m[1] === 'api' ? '/api' : ''),
  },
];

export interface FileRoute {
  path: string;
  framework: string;
  /** The method the file's name says (Nuxt). */
  method?: string;
}

/**
 * The path a route file serves (`src/app/(api)/v1/responses/[response_id]/route.ts` →
 * `/v1/responses/{response_id}`), its framework's name, and the method its name says (Nuxt): its
 * folders below `app/` (Next.js) or `routes/` (SvelteKit), or its folders and name below
 * `server/api/` or `server/routes/` (Nuxt; `index` is its folder), `(group)` and `@slot` folders
 * left out, `[id]`, `[...rest]` and `[[optional]]` a path parameter each.
 */
export function fileRoute(file: string): FileRoute | undefined {
  for (const { framework, pattern, prefix } of ROUTE_FILES) {
    const m = pattern.exec(file);
    if (!m) continue;
    const under = prefix ? m[2]! : m[1]!;
    const segments = under
      .split('/')
      .filter((s, i, all) => s !== '' && !/^\(.*\)$/.test(s) && !s.startsWith('@') && !(prefix && s === 'index' && i === all.length - 1));
    const path =
      (prefix?.(m) ?? '') + '/' + segments.map((s) => s.replace(/^\[\[?(?:\.\.\.)?([^\]=]+)(?:=[^\]]+)?\]?\]$/, '{$1}')).join('/');
    return {
      framework,
      path: path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path,
      ...(prefix ? { method: m[3]!.toUpperCase() } : {}),
    };
  }
  return undefined;
}

export function isRouteFile(file: string): boolean {
  return fileRoute(file) !== undefined;
}
