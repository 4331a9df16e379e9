/**
 * Source profiles: what is specific to one vendor's API document, as data (profiles/*.json) — the
 * APIs it holds (path scopes, the stream unions that define their events), which of them are read
 * by default, and the class names its official SDKs give the events. A document no profile detects
 * is read whole: every path, every `text/event-stream` union, as one API.
 *
 * The files are read as they are (see source-profile-schema.ts for why that is safe).
 */
import { listBundled, readBundledJson } from './bundled-dir.js';
import type { SourceProfile } from './source-profile-schema.js';

export type { ApiScope, SourceProfile } from './source-profile-schema.js';

/** The bundled source profiles (profiles/*.json), in the order they are tried. */
const BUNDLED_SOURCE_PROFILES: readonly string[] = listBundled();

const cache = new Map<string, SourceProfile>();

function getSourceProfileOrThrow(name: string): SourceProfile {
  let profile = cache.get(name);
  if (!profile) {
    if (!BUNDLED_SOURCE_PROFILES.includes(name)) throw new Error(`no bundled source profile named ${name}`);
    profile = readBundledJson(`${name}.json`) as SourceProfile;
    cache.set(name, profile);
  }
  return profile;
}

/** The first bundled profile whose detect schemas the document defines, if any. */
export function detectSourceProfile(componentSchemas: ReadonlySet<string>): SourceProfile | undefined {
  for (const name of BUNDLED_SOURCE_PROFILES) {
    const profile = getSourceProfileOrThrow(name);
    if (profile.detect.schemas.every((s) => componentSchemas.has(s))) return profile;
  }
  return undefined;
}

/** The bundled profile that claims a source kind (the reference pages' `openai-docs`), if any. */
export function profileOfKind(kind: string): SourceProfile | undefined {
  return BUNDLED_SOURCE_PROFILES.map(getSourceProfileOrThrow).find((p) => p.sourceKinds.includes(kind));
}
