/** What the TypeScript and Python adapters share to read a client call's path. */

/**
 * The path of a URL or path as a call writes it, once its substitutions are `{name}`: a full URL
 * gives its path, a query string or fragment is not part of it; undefined when it is not a path.
 */
export function pathOfUrl(text: string): string | undefined {
  const url = /^https?:\/\/[^/?#]+(\/[^?#]*)?/.exec(text);
  const path = (url ? (url[1] ?? '/') : text).replace(/[?#].*$/, '');
  return path.startsWith('/') ? path : undefined;
}

/** The option or keyword a client call sends parameters under, and where they go. */
export const SENT_UNDER: ReadonlyMap<string, 'body' | 'query'> = new Map([
  ['body', 'body'],
  ['json', 'body'],
  ['data', 'body'],
  ['query', 'query'],
  ['params', 'query'],
]);
