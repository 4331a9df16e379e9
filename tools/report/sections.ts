/**
 * Endpoints by API section. Sections the sources define come first (model order) with their
 * endpoints; then every section the pages link to that no source defines, marked `inSources:
 * false` so a reader knows the report cannot speak for it. A linked section counts as defined when
 * its title names an endpoint section, or when it names a page the model read (`DOC_streaming_events.md`
 * defines the streaming events section: events, not endpoints).
 */
import type { Model } from '../model/schema.js';
import { tally } from './counts.js';
import type { LinkedSection } from '../model/schema.js';
import type { ApiSection, ReportItem } from './schema.js';

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export function apiSections(model: Model, items: readonly ReportItem[], linked: readonly LinkedSection[]): ApiSection[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const titles = [...new Set(model.endpoints.map((e) => e.section))];
  const out: ApiSection[] = titles.map((title) => {
    const endpoints = model.endpoints
      .filter((e) => e.section === title)
      .map((e) => {
        const item = byId.get(e.id);
        return {
          id: e.id,
          method: e.method,
          path: e.path,
          title: e.title,
          anchor: item?.anchor ?? null,
          status: item?.status ?? 'missing',
        };
      });
    const group = linked.find((l) => norm(l.title) === norm(title))?.group;
    return { title, inSources: true, ...(group ? { group } : {}), endpoints, counts: tally(endpoints.map((e) => e.status)) };
  });
  const defined = new Set(titles.map(norm));
  // A page the model read defines its own section even without endpoints (its events, its objects).
  const readPages = new Set(model.sources.map((s) => norm(s.id.replace(/^DOC_|\.[a-z]+$/g, ''))));
  for (const l of linked) {
    if (defined.has(norm(l.title))) continue;
    const inSources = readPages.has(norm(l.title));
    out.push({ title: l.title, inSources, group: l.group, endpoints: [], counts: tally([]) });
  }
  return out;
}
