/**
 * The `Report`: one object that `buildReport` computes from the model and mapping.json, and that
 * every reporter (markdown, JSON, HTML) only formats (STYLE.md "Reporters only format").
 * `specmap report --format json` writes exactly this shape; `reportVersion` is bumped whenever a
 * change would break a reader of an older report. Every number here is traceable: counts come
 * from `items`, and every item carries its spec anchor and its code locations.
 */
import type { Location, Status } from '../mapping/schema.js';
import type { ItemKind } from '../model/schema.js';

export const REPORT_VERSION = 1;

/** How many items have each status, and the share implemented. */
export interface StatusCounts {
  total: number;
  implemented: number;
  partial: number;
  planned: number;
  ignored: number;
  missing: number;
  /** implemented / (total − ignored) × 100, one decimal; 0 when nothing counts. Ignored items are out of scope. */
  percent: number;
}

export interface LaneCoverage {
  name: string;
  title: string;
  /** Items with at least one location in this lane. */
  items: number;
  locations: number;
  /** Items of the kinds this lane can hold, ignored ones left out. */
  holdable: number;
  /** items / holdable × 100, one decimal. */
  percent: number;
}

export interface KindSummary extends StatusCounts {
  kind: ItemKind;
  /** Per lane: items of this kind with at least one location there. */
  lanes: Record<string, number>;
}

export interface ReportSummary {
  /** Whether a mapping.json was given; without one no code is mapped and every item counts as missing. */
  mapped: boolean;
  overall: StatusCounts;
  kinds: KindSummary[];
  /** Per API, when the model holds more than one (items of no API, such as catalog events, under `-`). */
  apis?: ({ api: string } & StatusCounts)[];
  lanes: LaneCoverage[];
  /** Items whose status comes from a manual `statusOverride`. */
  overridden: number;
  unknownLiterals: number;
  orphans: number;
}

/** One tracker group (event category): a row of the per-category table. */
export interface CategoryRow extends StatusCounts {
  id: string;
  title: string;
  subcategories: ({ id: string; title: string } & StatusCounts)[];
}

/** One spec item as the report sees it: the dashboard matrix rows and the source of every count. */
export interface ReportItem {
  id: string;
  kind: ItemKind;
  /** The API the item belongs to, when the model holds several. */
  api?: string;
  /** Short display name: the event type, `POST /v1/responses`, the parameter name, the enum value. */
  label: string;
  /** Event category, endpoint section, or for params/enums their endpoint's section. */
  group: string;
  subgroup?: string;
  /** Primary spec anchor (`DOC_streaming_events.md:304-367`). */
  anchor: string | null;
  status: Status;
  /** `manual` when a statusOverride decided the status; `computed` from the mapping; `unmapped` without an entry. */
  statusFrom: 'computed' | 'manual' | 'unmapped';
  /** Locations per lane (only lanes with locations). */
  lanes: Record<string, Location[]>;
}

/** What a missing or partial item lacks, spelled out. */
export interface GapDetail {
  id: string;
  kind: ItemKind;
  label: string;
  group: string;
  anchor: string | null;
  status: Status;
  /** Required lanes (config `status.implemented`) without a location. */
  missingLanes: string[];
  /** Required fields a definition lacks, as the mapping found them. */
  lackingFields: string[];
  /** Request parameters: what the spec says, against the code's disagreements in `gaps`. */
  param?: { type: string; required: boolean | null; default?: string };
  /** Enum-valued parameters: spec values the code accepts (mapped) and does not. */
  values?: { accepted: string[]; notAccepted: string[] };
  /** Every gap sentence the mapping recorded, verbatim. */
  gaps: string[];
  notes?: string;
}

interface SectionEndpoint {
  id: string;
  method: string;
  path: string;
  title: string;
  anchor: string | null;
  status: Status;
}

/** An API section: one the sources define (with endpoints), or one the pages only link to. */
export interface ApiSection {
  title: string;
  /** false: the pages link to it but no source defines it, so the report cannot speak for it. */
  inSources: boolean;
  /** Nav group on the pages (`Platform APIs`), when known. */
  group?: string;
  endpoints: SectionEndpoint[];
  counts: StatusCounts;
}

export interface ReportSource {
  id: string;
  kind: string;
  path: string;
  sha256: string;
  /** The hash mapping.json was computed from, when it differs (the mapping is stale for this source). */
  mappingSha256?: string;
}

/** A disagreement between sources (crosscheck), kept in the shape the crosscheck stage gives. */
export interface CrosscheckFinding {
  code: string;
  message: string;
  item?: string;
  anchors?: string[];
  severity?: string;
}

export interface TrackerRow {
  id: string;
  type: string;
  anchor: string | null;
  correlationKeys: string[];
  used?: string;
  mode?: string;
  /** Per tracker code column (see `Report.trackerColumns`): `file:line symbol` for each location. */
  cells: Record<string, string[]>;
  status: Status;
  notes?: string;
}

export interface TrackerTable {
  category: string;
  title: string;
  groups: { subcategory?: string; title?: string; rows: TrackerRow[] }[];
}

export interface Report {
  reportVersion: typeof REPORT_VERSION;
  /** Only with `--timestamp`: the same inputs otherwise give the same bytes. */
  generatedAt?: string;
  /** Code lanes: `required` per config `status.implemented`; `itemKinds` the kinds it can hold (all when unknown). */
  lanes: { name: string; title: string; required: boolean; itemKinds: ItemKind[] }[];
  summary: ReportSummary;
  categories: CategoryRow[];
  gaps: GapDetail[];
  sections: ApiSection[];
  unknownLiterals: { literal: string; locations: Location[] }[];
  /** Declarations whose literal names an item but whose fields belong to something else (not counted). */
  otherShape: { id: string; locations: Location[] }[];
  /** Where an imported legacy mapping disagrees with the code: contradicted claims, stale code lines. */
  legacyFindings: { id: string; findings: string[] }[];
  sources: ReportSource[];
  /** Present when more than one source is configured. */
  crosscheck?: CrosscheckFinding[];
  orphans: { key: string; origin: string }[];
  /** The tracker's code columns (the generated tracker's layout) and the lanes that fill each. */
  trackerColumns: { key: string; title: string; lanes: string[] }[];
  trackers: TrackerTable[];
  items: ReportItem[];
}
