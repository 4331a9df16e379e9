/**
 * The tracker's columns, in the order our users keep them (DESIGN.md, users 2). Code columns are
 * filled from mapping.json lanes; manual columns are a human's and are read back on every run.
 */
export const CODE_COLUMNS = ['inbound', 'outbound', 'frontend', 'handler', 'golden'] as const;
export type CodeColumn = (typeof CODE_COLUMNS)[number];
export const MANUAL_COLUMNS = ['used', 'mode', 'notes'] as const;
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
export function columnLanes(config?: Partial<Record<CodeColumn, string[] | undefined>>): ColumnLanes {
  return Object.fromEntries(CODE_COLUMNS.map((c) => [c, config?.[c] ?? [c]])) as ColumnLanes;
}

export const STATUS_LABELS = {
  implemented: '✅ Implemented',
  partial: '🟨 Partial',
  planned: '⬜ Planned',
  ignored: '⛔ Ignored',
} as const;

/** A status cell containing this marker is a human's override and is kept verbatim. */
export const MANUAL_STATUS_MARK = '(manual)';
