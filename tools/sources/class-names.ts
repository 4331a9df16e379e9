/**
 * The class names the official SDKs give stream events, read from the bundled profile data
 * (profiles/openai.json `sdk`). The analyzer ties a class that code imports, subclasses or constructs
 * to its event through these names; schema names from an OpenAPI document come from the OpenAPI
 * reader. SDK and OpenAPI names differ (`ResponseMcpCallCompletedEvent` vs
 * `ResponseMCPCallCompletedEvent`), which is why items are matched by type and names are only a bridge.
 */
import { getOwn } from '../model/own.js';
import { profileOfKind, type SourceProfile } from '../profiles/source-profile.js';

/** The SDK tables belong to the profile of the reference pages, whose events every model is built around. */
const profile = (): SourceProfile | undefined => profileOfKind('openai-docs');

/**
 * The packages those names are exported by: a class name ties to an event only when the code's
 * import resolves to one of these, never by the bare name.
 */
export const SDK_PACKAGES: readonly string[] = profile()?.sdk?.packages ?? [];

/** SDK helpers that send the request of a call the examples make: call → helpers (`responses.create` → `responses.stream`). */
export const SDK_HELPERS: Readonly<Record<string, readonly string[]>> = profile()?.sdk?.helpers ?? {};

/**
 * SDK class names for an event type of `api`, or none. An event without an API belongs to the one
 * API its source reads, which for the profile's sources is the profile's first default API.
 */
function sdkClassNames(type: string, api?: string): readonly string[] {
  const p = profile();
  const table = p?.sdk && getOwn(p.sdk.classNames, api ?? p.defaultApis[0]!);
  return (table && getOwn(table, type)) ?? [];
}

/** `current` plus the SDK names, without duplicates, sorted: the same model gives the same bytes. */
export function withSdkClassNames(type: string, current: readonly string[], api?: string): string[] {
  return [...new Set([...current, ...sdkClassNames(type, api)])].sort();
}
