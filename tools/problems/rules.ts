/** What each code means, one line each: SARIF's rule descriptions, per command (codes repeat across commands). */
import { FINDING_KINDS as CHECK_KINDS } from '../check/findings.js';
import type { FindingKind as CrosscheckKind } from '../crosscheck/finding.js';
import type { ChangeKind } from '../diff/change.js';
import { CHECK_TITLES } from '../verify/types.js';

const DIFF: Record<ChangeKind, string> = {
  'item-added': 'an event, endpoint, parameter, object or enum value added',
  'item-removed': 'an event, endpoint, parameter, object or enum value removed',
  'field-added': 'a field added',
  'field-removed': 'a field removed',
  type: 'a type changed',
  required: 'now required, or no longer required',
  nullable: 'now nullable, or no longer nullable',
  'enum-value-added': 'a value added to an enum',
  'enum-value-removed': 'a value removed from an enum',
  default: 'a default value changed',
  deprecated: 'newly deprecated, or no longer deprecated',
  description: 'a description changed',
  'variant-added': 'a union variant added',
  'variant-removed': 'a union variant removed',
};

const CROSSCHECK: Record<CrosscheckKind, string> = {
  'item-only-in': 'an item defined by one kind of source only',
  'field-only-in': 'a field of an item only one kind of source defines',
  type: 'the sources give a field different types',
  required: 'the sources disagree on whether a field is required',
  nullable: 'the sources disagree on whether a field may be null',
  enum: 'the sources list different enum values',
  default: 'the sources give different defaults',
  deprecated: 'the sources disagree on a deprecation',
};

const IMPORT: Record<string, string> = {
  'legacy-claim-contradicted': 'a legacy implemented / not implemented claim the code contradicts',
  'legacy-code-location-stale': 'a legacy code line that no longer points at the code',
  'legacy-anchor-differs': "a legacy spec anchor that differs from the spec's",
  'legacy-orphan': 'a legacy entry no spec item has, kept as an orphan',
};

export const RULE_DESCRIPTIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  check: CHECK_KINDS,
  verify: CHECK_TITLES,
  diff: DIFF,
  crosscheck: CROSSCHECK,
  import: IMPORT,
};
