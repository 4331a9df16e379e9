/**
 * The tracker's columns, in the order our users keep them (DESIGN.md, users 2). Code columns are
 * filled from mapping.json lanes; manual columns are a human's and are read back on every run.
 */
/** The tracker's file in the output folder. Here, not beside its renderer: reading a tracker back must not load the templates. */
export const TRACKER_FILE = 'tracker.md';

const CODE_COLUMNS = ['inbound', 'outbound', 'frontend', 'handler', 'golden'] as const;
export type CodeColumn = (typeof CODE_COLUMNS)[number];
const MANUAL_COLUMNS = ['used', 'mode', 'notes'] as const;
export type ManualColumn = (typeof MANUAL_COLUMNS)[number];

export type ColumnKey = 'event' | 'keys' | 'what' | 'status' | CodeColumn | ManualColumn;

export const COLUMNS: readonly { key: ColumnKey; title: string }[] = [
  { key: 'event', title: 'Event type' },
  { key: 'keys', title: 'Correlation keys' },
  { key: 'what', title: 'What the event represents' },
  { key: 'used', title: 'Used?' },
  { key: 'mode', title: 'Mode' },
  { key: 'inbound', title: 'Inbound schema' },
  { key: 'outbound', title: 'Outbound schema' },
  { key: 'frontend', title: 'Frontend type' },
  { key: 'handler', title: 'Reducer/handler' },
  { key: 'golden', title: 'Test trace (golden)' },
  { key: 'status', title: 'Status' },
  { key: 'notes', title: 'Notes' },
];

export type ColumnLanes = Record<CodeColumn, string[]>;

/** Config `generate.tracker.columns` with its default applied: each code column shows the lane of its name. */
function columnLanes(config?: Partial<Record<CodeColumn, string[] | undefined>>): ColumnLanes {
  return Object.fromEntries(CODE_COLUMNS.map((c) => [c, config?.[c] ?? [c]])) as ColumnLanes;
}

export interface CodeColumnSpec {
  key: string;
  title: string;
  lanes: string[];
}

export interface LaneInfo {
  name: string;
  title: string;
  kinds?: readonly string[];
}

/** Lanes that can hold an event: route and parameter lanes hold endpoints, so no tracker column shows them. */
const EVENT_KINDS = new Set(['definition', 'emitter', 'handler', 'test']);

/**
 * The tracker's code columns. Config `generate.tracker.columns` chooses the users' five named
 * columns and the lanes behind each. Otherwise there is one column per configured lane that can
 * hold an event, in config order: a lane named like one of the five columns keeps that column's
 * title, any other shows its own. Without lanes to go by, the five columns, each from its
 * namesake lane.
 */
export function trackerCodeColumns(
  config?: Partial<Record<CodeColumn, string[] | undefined>>,
  lanes?: readonly LaneInfo[],
): CodeColumnSpec[] {
  const titleOf = (key: string) => COLUMNS.find((c) => c.key === key)?.title;
  if (config || !lanes) {
    const chosen = columnLanes(config);
    return CODE_COLUMNS.map((key) => ({ key, title: titleOf(key) ?? key, lanes: chosen[key] }));
  }
  return lanes
    .filter((l) => !l.kinds || l.kinds.some((k) => EVENT_KINDS.has(k)))
    .map((l) => ({
      key: l.name,
      title: ((CODE_COLUMNS as readonly string[]).includes(l.name) ? titleOf(l.name) : undefined) ?? l.title,
      lanes: [l.name],
    }));
}

/** The same five words mapping.json and the report use; Missing is never a manual override. */
export const STATUS_LABELS = {
  implemented: '✅ Implemented',
  partial: '🟨 Partial',
  missing: '🟥 Missing',
  planned: '⬜ Planned',
  ignored: '⛔ Ignored',
} as const;

/** The statuses a human may set (`statusOverride` in mapping.json). */
export const OVERRIDE_STATUSES = ['implemented', 'partial', 'planned', 'ignored'] as const;

/** A status cell containing this marker is a human's override and is kept verbatim. */
export const MANUAL_STATUS_MARK = '(manual)';
