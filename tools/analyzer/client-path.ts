/** What the TypeScript and Python adapters share to read a client call's path. */
import type { SdkEndpoint } from './candidates.js';

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

/**
 * The endpoint an SDK call stands for: the call's member chain as written (`this.openai.responses.create`)
 * ends with a call the spec's examples make (`responses.create`).
 */
export function sdkEndpoint(
  chain: readonly string[],
  sdkCalls: ReadonlyMap<string, SdkEndpoint>,
): ({ call: string } & SdkEndpoint) | undefined {
  for (let k = Math.min(chain.length, 5); k >= 2; k--) {
    const call = chain.slice(chain.length - k).join('.');
    const endpoint = sdkCalls.get(call);
    if (endpoint) return { call, ...endpoint };
  }
  return undefined;
}

/**
 * Another API's call of the same name sends other things: Slack's `conversations.create({ name })`
 * is no call of `POST /v1/conversations`. A call that names what it sends must name one of the
 * endpoint's parameters; a call that names nothing (`responses.retrieve(id)`) is taken as it reads.
 */
export function sendsForeignKeys(sent: readonly { name: string }[], endpoint: SdkEndpoint): boolean {
  return sent.length > 0 && !sent.some((k) => endpoint.params.includes(k.name));
}

/** What a call sends as the endpoint's parameters: all it names, but a helper's own arguments. */
export function sentParams<T extends { name: string }>(sent: T[], endpoint: SdkEndpoint): T[] {
  return endpoint.helper ? sent.filter((k) => endpoint.params.includes(k.name)) : sent;
}
