/**
 * Truth tables for the mapping: per lane and file, the lines where each item lives, written by hand
 * from the source. `needle`: text the line must contain when it does not name the item itself (a
 * constructor call names a class, not the event type).
 */
export interface TruthGroup {
  lane: string;
  file: string;
  at: ([line: number, id: string] | [line: number, id: string, needle: string])[];
}

export interface TruthCorpus {
  name: string;
  /** The config the corpus is mapped with (its workspace is the corpus). */
  config: string;
  truth: readonly TruthGroup[];
  /** Items that must have no location at all: what the naive analysis invented. */
  never?: readonly string[];
  /** Items that must be listed as same literal, other shape, at these `file:line`s. */
  otherShape?: Readonly<Record<string, readonly string[]>>;
  /** Literals that must be reported as unknown (no spec item has them). */
  unknown?: readonly string[];
}
