/**
 * What every reporter receives (STYLE.md "Reporters only format"): a command's problems in the one
 * shape, the command's result for `json`, and the command's own summary around them — a title and
 * counts, groups with their headings, lines of its own (verify's SDK verdicts). Commands build
 * nothing of this: their CLI files turn a result into a ProblemReport.
 */
import type { Problem } from '../../problems/problem.js';

export const PROBLEM_FORMATS = ['pretty', 'json', 'github', 'markdown', 'sarif'] as const;
export type ProblemFormat = (typeof PROBLEM_FORMATS)[number];

/** A GitHub annotation of the command's own (a baseline in use, a path not compared). */
export interface Notice {
  level: 'error' | 'warning' | 'notice';
  title: string;
  message: string;
  file?: string;
}

export interface ProblemGroup {
  /** The heading the text formats show above the group (`breaking (1)`, a trace's summary line); untitled problems are not indented. */
  title?: string;
  problems: Problem[];
  /** Pretty lines after the group's problems, as they are. */
  after?: string[];
}

export interface ProblemReport {
  /** The command (`verify`, `diff`): annotation titles and SARIF's run id say it. */
  command: string;
  /** Every problem, for the machine formats; the groups, when given, show them (or some of them) to people. */
  problems: Problem[];
  /** What `json` prints: the command's result, which carries the same problems. */
  data: unknown;
  /** How the text formats group problems; without groups, one list of them all. */
  groups?: ProblemGroup[];
  /** Lines before and after the problems, per text format. */
  pretty?: { header?: string[]; footer?: string[] };
  markdown?: { header?: string[]; footer?: string[]; columns?: Partial<MarkdownColumns> };
  /** Annotations of the command's own, before and after the problems. */
  notices?: { before?: Notice[]; after?: Notice[] };
  /** SARIF rule descriptions by code (the codes used without one are described by their name). */
  rules?: Readonly<Record<string, string>>;
}

export interface MarkdownColumns {
  subject: string;
  message: string;
  items: string;
  locations: string;
}

export interface FormatOptions {
  /** markdown: a short list that fits a PR comment. */
  summary?: boolean;
  /** markdown summary: most characters (default 60,000). */
  limit?: number;
  /** The folder the command ran in (default: the process's): shown paths and SARIF's artifact URIs (`%SRCROOT%`) are relative to it. */
  root?: string;
  /**
   * The folder the problems' relative paths are relative to (a project's: the config file's
   * folder). Every format but `json` shows them relative to `root` instead. Default: `root`.
   */
  base?: string;
}
