/**
 * Route files: files that are routes by their path, whatever their text mentions (Next.js's app
 * router, SvelteKit's `+server.ts`, Nuxt's `server/api/x.post.ts`). The prefilter parses them all;
 * the TypeScript adapter reads their routes.
 */

/**
 * The frameworks whose route files are routes by their path: Next.js's app router, SvelteKit, and
 * Nuxt's server routes (`server/api/…` served under `/api`, `server/routes/…` as they are), whose
 * file name ends in the method it handles (`responses.post.ts`); and the files whose default
 * export is a `(req, res)` handler of every method, served under `/api`: Next.js's pages router
 * (`pages/api/…`) and Vercel's functions (`api/…` at the workspace's root). Which methods such a
 * handler serves, its comparisons of `req.method` say.
 */
const ROUTE_FILES: readonly {
  framework: string;
  pattern: RegExp;
  /** The part of the path below the folder that serves it. */
  under: (m: RegExpExecArray) => string;
  method?: (m: RegExpExecArray) => string;
  /** The file's name is a segment of its path, and `index` is its folder. */
  named?: true;
  byHandler?: true;
}[] = [
  { framework: 'Next.js', pattern: /(?:^|\/)app\/((?:.*\/)?)route\.[cm]?[jt]sx?$/, under: (m) => m[1]! },
  { framework: 'SvelteKit', pattern: /(?:^|\/)routes\/((?:.*\/)?)\+server\.[cm]?[jt]s$/, under: (m) => m[1]! },
  {
    framework: 'Nuxt',
    pattern: /(?:^|\/)server\/(api|routes)\/((?:.*\/)?[^/]+?)\.(get|post|put|patch|delete)\.[cm]?[jt]s$/,
    under: (m) => (m[1] === 'api' ? `api/${m[2]!}` : m[2]!),
    method: (m) => m[3]!.toUpperCase(),
    named: true,
  },
  {
    framework: 'Next.js pages router',
    pattern: /(?:^|\/)pages\/api\/((?:.*\/)?(?:\[\[?[^\]/]+\]?\]|[^/.]+))\.[cm]?[jt]sx?$/,
    under: (m) => `api/${m[1]!}`,
    named: true,
    byHandler: true,
  },
  {
    framework: 'Vercel function',
    pattern: /^api\/((?:.*\/)?(?:\[\[?[^\]/]+\]?\]|[^/.]+))\.[cm]?[jt]s$/,
    under: (m) => `api/${m[1]!}`,
    named: true,
    byHandler: true,
  },
];

export interface FileRoute {
  path: string;
  framework: string;
  /** The method the file's name says (Nuxt). */
  method?: string;
  /** Its default export handles every method; its `req.method` comparisons say which it serves. */
  byHandler?: true;
}

/**
 * The path a route file serves (`src/app/(api)/v1/responses/[response_id]/route.ts` →
 * `/v1/responses/{response_id}`), its framework's name, and the method its name says (Nuxt): its
 * folders below `app/` (Next.js) or `routes/` (SvelteKit), or its folders and name below
 * `server/api/` or `server/routes/` (Nuxt; `index` is its folder), or below `pages/api/` or a root
 * `api/` under `/api` (`index` its folder too), `(group)` and `@slot` folders left out, `[id]`,
 * `[...rest]` and `[[optional]]` a path parameter each.
 */
export function fileRoute(file: string): FileRoute | undefined {
  for (const { framework, pattern, under, method, named, byHandler } of ROUTE_FILES) {
    const m = pattern.exec(file);
    if (!m) continue;
    const segments = under(m)
      .split('/')
      .filter((s, i, all) => s !== '' && !/^\(.*\)$/.test(s) && !s.startsWith('@') && !(named && s === 'index' && i === all.length - 1));
    const path = '/' + segments.map((s) => s.replace(/^\[\[?(?:\.\.\.)?([^\]=]+)(?:=[^\]]+)?\]?\]$/, '{$1}')).join('/');
    return {
      framework,
      path: path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path,
      ...(method ? { method: method(m) } : {}),
      ...(byHandler ? { byHandler } : {}),
    };
  }
  return undefined;
}

export function isRouteFile(file: string): boolean {
  return fileRoute(file) !== undefined;
}
