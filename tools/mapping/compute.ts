/**
 * `computeMapping(model, facts, config, previous?)`: the pure heart of `specmap map`, reused by
 * `check` to compare against the mapping on disk. No file system: facts come from the analyzer,
 * `previous` from the mapping.json on disk (only its manual blocks and orphans are read back).
 */
import type { CodeFact } from '../analyzer/facts.js';
import type { Config } from '../config/schema.js';
import { DEFAULT_CATEGORIES } from '../config/categories.js';
import { allItems, anchorsOf } from '../model/items.js';
import type { Event, Item, Model, ObjectItem } from '../model/schema.js';
import { compareStrings, itemComparator } from '../model/sort.js';
import { folderPrefix } from '../io/folder-prefix.js';
import { joinFacts, type Joined } from './join.js';
import { laneMatchers, requiredLanes } from './lanes.js';
import { normalizeLocations } from './locations.js';
import { carryManual, type ManualSource } from './manual.js';
import { legacyFindings } from './legacy-findings.js';
import { compareParam } from './params.js';
import type { Location, Mapping, MappingEntry } from './schema.js';
import { MAPPING_VERSION } from './version.js';
import { computeStatus } from './status.js';
import { summarize } from './summary.js';

const MAPPING_SCHEMA_URL = 'https://specmap.dev/schema/mapping.schema.json';

/** Fields a definition must declare: the spec's required ones, or for the docs' events (no markers) every declared one. */
function requiredFieldsOf(item: Item): string[] | undefined {
  if (item.kind !== 'event' && item.kind !== 'object') return undefined;
  return item.fields
    .filter((f) => f.required !== false)
    .map((f) => f.name)
    .sort(compareStrings);
}

/** Gaps of a definition whose declared fields the analyzer reported (via param facts of the same class). */
function definitionGaps(
  item: Event | ObjectItem,
  definitions: readonly Location[],
  joined: Joined,
  workspaceFile: (l: Location) => string,
): string[] {
  const required = requiredFieldsOf(item) ?? [];
  // The field that names the item: a definition found by it declares it.
  const discriminator = item.kind === 'object' ? 'object' : 'type';
  const gaps: string[] = [];
  for (const d of definitions) {
    const declared = joined.fieldsBySymbol.get(`${workspaceFile(d)}#${d.symbol}`);
    if (!declared) continue;
    const lacking = required.filter((f) => f !== discriminator && !declared.has(f));
    if (lacking.length) gaps.push(`${d.symbol} (${d.file}) lacks ${lacking.map((f) => `\`${f}\``).join(', ')}`);
  }
  return gaps;
}

/** Request-model fields the spec lacks: listed on the endpoint, but an extension is not a shortfall. */
function endpointRemarks(item: Item, joined: Joined): string[] {
  if (item.kind !== 'endpoint') return [];
  const extra = [...new Set(joined.extraFields.get(item.id) ?? [])].sort(compareStrings);
  return extra.length ? [`request model declares ${extra.map((f) => `\`${f}\``).join(', ')}, which the spec does not list`] : [];
}

function declarationGaps(
  item: Item,
  lanes: Record<string, Location[]>,
  joined: Joined,
  model: Model,
  workspaceFile: (l: Location) => string,
): string[] {
  if (item.kind === 'param') {
    const values = model.enums.filter((e) => e.param === item.id).map((e) => String(e.value));
    return [...new Set((joined.paramFacts.get(item.id) ?? []).flatMap((f) => compareParam(f, item.field, values)))];
  }
  if (item.kind === 'event' || item.kind === 'object') {
    const defs = Object.values(lanes)
      .flat()
      .filter((l) => l.kind === 'definition');
    return [...new Set(definitionGaps(item, normalizeLocations(defs), joined, workspaceFile))];
  }
  return [];
}

export function computeMapping(model: Model, facts: readonly CodeFact[], config: Config, previous?: ManualSource): Mapping {
  const matchers = laneMatchers(config.lanes);
  const joined = joinFacts(model, facts, config, matchers);
  // Locations name files from the project root (pathFromRoot); the analyzer's facts, from the workspace.
  const prefix = folderPrefix(config.workspace);
  const workspaceFile = (l: Location) => (prefix && l.file.startsWith(`${prefix}/`) ? l.file.slice(prefix.length + 1) : l.file);
  const compare = itemComparator(model.sources.map((s) => s.id));
  const items = allItems(model).sort((a, b) => compare({ id: a.id, anchors: anchorsOf(a) }, { id: b.id, anchors: anchorsOf(b) }));
  const { manual, orphans } = carryManual(previous, new Set(items.map((i) => i.id)));

  // Keyed by ids taken from the sources: no prototype, so an item named `__proto__` is an item.
  const entries: Record<string, MappingEntry> = Object.create(null) as Record<string, MappingEntry>;
  for (const item of items) {
    const found = joined.locations.get(item.id);
    const lanes: Record<string, Location[]> = {};
    for (const lane of config.lanes) {
      const locations = found?.get(lane.name);
      if (locations?.length) lanes[lane.name] = normalizeLocations(locations);
    }
    const required = requiredLanes(config.lanes, config.status.implemented, item.kind);
    const { status, gaps } = computeStatus({
      lanes,
      required,
      declarationGaps: declarationGaps(item, lanes, joined, model, workspaceFile),
      remarks: endpointRemarks(item, joined),
    });
    const requiredFields = requiredFieldsOf(item);
    const api = 'api' in item ? item.api : undefined;
    const entry: MappingEntry = {
      kind: item.kind,
      ...(api !== undefined ? { api } : {}),
      anchor: anchorsOf(item)[0] ?? null,
      ...(item.kind === 'event' ? { category: item.category } : {}),
      ...(requiredFields ? { requiredFields } : {}),
      lanes,
      status,
      ...(gaps.length ? { gaps } : {}),
    };
    const other = joined.otherShape.get(item.id);
    if (other?.length) entry.sameLiteralOtherShape = normalizeLocations(other);
    const kept = manual.get(item.id);
    const legacy = legacyFindings(kept, lanes, status);
    if (legacy.length) entry.legacyFindings = legacy;
    if (kept) entry.manual = kept;
    entries[item.id] = entry;
  }

  const unknownLiterals = [...joined.unknown]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([literal, locations]) => ({ literal, locations: normalizeLocations(locations) }));
  const sortedOrphans: Mapping['orphans'] = Object.create(null) as Mapping['orphans'];
  for (const key of Object.keys(orphans).sort(compareStrings)) sortedOrphans[key] = orphans[key]!;
  const groupOrder = [...(config.categories ?? DEFAULT_CATEGORIES).map((c) => c.id), 'other', 'endpoint', 'param', 'enum', 'object'];
  const sources: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const s of [...model.sources].sort((a, b) => compareStrings(a.id, b.id))) sources[s.id] = s.sha256;

  return {
    $schema: MAPPING_SCHEMA_URL,
    mappingVersion: MAPPING_VERSION,
    sources,
    lanes: config.lanes.map((l) => ({ name: l.name, title: l.title })),
    items: entries,
    orphans: sortedOrphans,
    unknownLiterals,
    summary: summarize(
      entries,
      config.lanes.map((l) => l.name),
      groupOrder,
      unknownLiterals.length,
      Object.keys(sortedOrphans).length,
    ),
  };
}
