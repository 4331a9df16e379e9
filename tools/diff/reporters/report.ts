/**
 * The one object reporters format (STYLE.md "Reporters only format"): `diff` and `crosscheck`
 * each turn their result into a Report; pretty, markdown, JSON and GitHub reporters print it.
 */
export interface ReportAnchor {
  /** `old`/`new` for a diff, the source id for a crosscheck. */
  label: string;
  anchor: string;
  /** The anchor's file as a path the user (and GitHub) can open, when known. */
  file?: string;
  line?: number;
}

export interface ReportEntry {
  /** For annotations: how loud. */
  level: 'error' | 'warning' | 'notice';
  /** The group the entry is listed under (`breaking`, `only-in-source`…). */
  group: string;
  path: string;
  message: string;
  anchors: ReportAnchor[];
  /** Item ids the entry affects, when it stands for a place many items reach (a diff's grouped change). */
  affects?: string[];
}

export interface Report {
  title: string;
  /** Counts per group, in display order (groups with no entries included). */
  summary: [string, number][];
  entries: ReportEntry[];
  /** Said after the entries, one line each, e.g. what was not compared (may hold code spans). */
  notes?: string[];
  /** What `--format json` prints: the command's own result, unformatted. */
  data: unknown;
}

export const REPORT_FORMATS = ['pretty', 'markdown', 'json', 'github'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** `old: DOC.md:1-9`, but just `DOC.md:1-9` when the label is the anchor's own file. */
export function anchorText(a: ReportAnchor, wrap: (s: string) => string = (s) => s): string {
  return a.anchor.startsWith(`${a.label}:`) ? wrap(a.anchor) : `${a.label}: ${wrap(a.anchor)}`;
}
