/**
 * The coverage matrix: spec items × implementations (servers, clients, and what they really sent).
 * Plain data, versioned, the same bytes for the same inputs; reporters only format it.
 */
import type { ItemKind } from '../model/schema.js';
import type { Status } from '../mapping/schema.js';

export const MATRIX_VERSION = 1;

export interface Observed {
  /** Events of this type (or requests with this include value) in the recordings. */
  count: number;
  /** Where it was first seen: `file:line`. */
  first: string;
  /** Top-level fields the events carried (events only), sorted. */
  fields?: string[];
}

export interface MatrixCell {
  /** From the code (lanes); absent for an implementation known only by its recordings. */
  status?: Status;
  /** Fact kinds found for the item (`definition`, `emitter`, `handler`, `test`, `route`, `param`). */
  kinds: string[];
  /** Locations per lane. */
  locations: number;
  /** The first location, `file:line`, with its evidence. */
  first?: string;
  evidence?: string;
  /** What the implementation's recordings show it sent. */
  observed?: Observed;
}

export interface MatrixRow {
  id: string;
  kind: ItemKind;
  label: string;
  group: string;
  cells: Record<string, MatrixCell>;
}

interface MatrixImplementation {
  name: string;
  role: 'server' | 'client';
  lanes: string[];
  recordings: number;
  /** Items per status, plus observed items. */
  counts: Record<string, number>;
}

export interface Matrix {
  matrixVersion: typeof MATRIX_VERSION;
  implementations: MatrixImplementation[];
  rows: MatrixRow[];
  /** The questions people ask of it, answered as id lists. */
  filters: {
    /** Per implementation: missing here, present in every other implementation that has code. */
    missingOnlyHere: Record<string, string[]>;
    /** Per implementation: missing here, implemented in at least one other. */
    implementedElsewhere: Record<string, string[]>;
    /** Events a server emits (in code or in its recordings) that no client handles. */
    emittedNotHandled: string[];
    /** Events a client handles that no server emits. */
    handledNotEmitted: string[];
  };
  /** Event types the recordings hold that no spec item has, with where each was first seen. */
  observedUnknown: { type: string; implementation: string; count: number; first: string }[];
}
