/**
 * The one shape every command's findings take on their way out: extract and map diagnostics, check
 * findings, verify violations, crosscheck disagreements, diff changes and import claims. Plain data
 * (JSON-serialisable, no classes), so a result can carry it as is and every reporter (pretty, JSON,
 * GitHub annotations, markdown, SARIF) reads the same thing.
 */
export type ProblemSeverity = 'error' | 'warning' | 'info';

/** A place in a file: 1-based lines and columns, as editors, GitHub and SARIF count them. */
export interface ProblemLocation {
  /**
   * The path as the user gave it (a file named on the command line) or as the config names it
   * (a project file: relative to the config file's folder, which is where commands usually run;
   * the CLI's text formats show a project file from where it ran: cli/format/rebase.ts).
   */
  file: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export interface RelatedLocation {
  /** What the place is to the problem: `old` (a diff's previous version), a source id, `first defined here`. */
  message?: string;
  location: ProblemLocation;
}

export interface Problem {
  /** Stable kebab-case id of the kind of problem (`event-without-fields`, `mapping-location-lost`, `schema`, `breaking`). */
  code: string;
  severity: ProblemSeverity;
  /** What was found and what was expected. */
  message: string;
  /** The spec item or place in the spec it is about (`event:response.created`, `Response#tags`), when there is one. */
  subject?: string;
  /** The spec items the subject reaches, when it is shared (a schema change felt by several events). */
  items?: string[];
  location?: ProblemLocation;
  related?: RelatedLocation[];
  /** How to fix it: a command to run, or what to change. */
  fix?: string;
  /** More lines to show under the problem as they are (a unified diff of a stale file). */
  detail?: string;
  /** The domain record's own fields, for machines. */
  data?: Record<string, unknown>;
}
