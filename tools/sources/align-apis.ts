/**
 * The reference pages (`openai-docs`) document one API, their profile's first default API. When
 * another source reads several APIs, its events carry the API in their ids; the pages' events then
 * take that API too, so the same event from both merges under one id instead of appearing twice.
 * Catalogs keep their own ids: they list what no API document has (SDK-level agent events).
 */
import { eventId } from '../model/ids.js';
import { profileOfKind } from '../profiles/source-profile.js';
import type { SourceExtract } from './source-extract.js';

export function alignApis(extracts: readonly SourceExtract[]): SourceExtract[] {
  if (!extracts.some((x) => x.events.some((e) => e.api !== undefined))) return [...extracts];
  return extracts.map((x) => {
    const api = profileOfKind(x.source.kind)?.defaultApis[0];
    if (api === undefined) return x;
    const endpoints = new Set(x.endpoints.map((e) => e.id));
    return {
      ...x,
      events: x.events.map((e) => ({ ...e, id: eventId(e.type, api), api })),
      endpoints: x.endpoints.map((e) => ({ ...e, api })),
      params: x.params.map((p) => (endpoints.has(p.endpoint) ? { ...p, api } : p)),
      enums: x.enums.map((e) => ({ ...e, api })),
      objects: x.objects.map((o) => ({ ...o, api })),
    };
  });
}
