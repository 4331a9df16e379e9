/**
 * How much a location's evidence says. `high`: the code states the item itself (its `type`
 * literal, an import of the SDK class, a route declaration, a recorded event). `medium`: the tie
 * goes through a class name resolved by bindings, a dispatch table or a call's name. `low`: a
 * bare literal in a position that only suggests a role (a yielded string).
 */
import type { Location } from './schema.js';

const MEDIUM =
  /^(match class pattern|constructor call|new expression|isinstance|instanceof|subclass of|extends|dispatch|computed dispatch|argument of|comparison with a constant|includes\(\)|named like|prefix check|method named for)|event name$/;
const LOW = /^(yield)$/;

export function confidenceOf(evidence: string | undefined): NonNullable<Location['confidence']> {
  if (evidence === undefined) return 'medium';
  if (LOW.test(evidence)) return 'low';
  return MEDIUM.test(evidence) ? 'medium' : 'high';
}
