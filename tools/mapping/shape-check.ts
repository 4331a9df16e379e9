/**
 * A declaration (or a built object) whose `type` literal names an item but whose fields clearly
 * belong to something else: another API's event with the same name (a Realtime
 * `response.created` carries `event_id` and no `sequence_number`), or an SDK's own stream part
 * (`{ type: 'error', error }`). "Clearly", all of: it lacks a field that nearly every event of the
 * model carries (the stream's own envelope, such as `sequence_number`); it declares a field the
 * item does not have; and what it lacks and adds weighs at least as much as what it shares
 * (Realtime's `response.output_text.delta` shares four fields and differs in four). A definition
 * that only lacks fields is the item's, partial; one that only adds fields is the item's, extended; one that
 * keeps the envelope but nests the rest differently (the service's nested `error`) is the item's,
 * and its gaps say what differs.
 */
import type { Field } from '../model/schema.js';

type ItemField = Pick<Field, 'name' | 'required'>;

/**
 * How a declaration's fields compare with an item's, its discriminator (`type`, `object`) aside:
 * the item's required fields it lacks, how many it adds, how many it shares.
 */
function fieldDifference(
  itemFields: readonly ItemField[],
  declared: readonly string[],
  discriminator: string,
): { missing: string[]; extra: number; shared: number } {
  const all = new Set(itemFields.map((f) => f.name));
  const required = itemFields.filter((f) => f.required !== false && f.name !== discriminator).map((f) => f.name);
  const mine = new Set(declared.filter((f) => f !== discriminator));
  return {
    missing: required.filter((f) => !mine.has(f)),
    extra: [...mine].filter((f) => !all.has(f)).length,
    shared: [...mine].filter((f) => all.has(f)).length,
  };
}

export function isOtherShape(itemFields: readonly ItemField[], declared: readonly string[], universal: ReadonlySet<string>): boolean {
  if (itemFields.length === 0) return false;
  const { missing, extra, shared } = fieldDifference(itemFields, declared, 'type');
  const lacksEnvelope = missing.some((f) => universal.has(f));
  return lacksEnvelope && missing.length >= 1 && extra >= 1 && missing.length + extra >= shared;
}

/**
 * The same test for an API object's declaration (its `object` field names the item): objects
 * share no envelope, so the test is the rest: it declares a field the object does not have, and
 * what it lacks and adds weighs at least as much as what it shares (a deletion's `{ id, object,
 * deleted }` is no response, though its `object` says `response`).
 */
export function isOtherObjectShape(itemFields: readonly ItemField[], declared: readonly string[]): boolean {
  if (itemFields.length === 0) return false;
  const { missing, extra, shared } = fieldDifference(itemFields, declared, 'object');
  return extra >= 1 && missing.length + extra >= shared;
}

/**
 * Another API's envelope, learned per folder from the declarations the test above already judged
 * another API's: a field at least three in four of them declare (at least three of them) that no
 * event of the model has (Realtime's `event_id`). Not all: a hand-written SDK leaves it out of
 * one or two (its `error` event), and a field no spec event has is no spec event's anyway.
 * `clear`: by folder, the fields each such declaration declares; `modelFields`: every field name
 * of the model's events.
 */
export function foreignEnvelopes(
  clear: ReadonlyMap<string, readonly (readonly string[])[]>,
  modelFields: ReadonlySet<string>,
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [file, declarations] of clear) {
    if (declarations.length < 3) continue;
    const counts = new Map<string, number>();
    for (const fields of declarations) for (const f of new Set(fields)) counts.set(f, (counts.get(f) ?? 0) + 1);
    const envelope = new Set(
      [...counts].filter(([f, n]) => n >= 3 && n >= declarations.length * 0.75 && !modelFields.has(f)).map(([f]) => f),
    );
    if (envelope.size > 0) out.set(file, envelope);
  }
  return out;
}

/**
 * A declaration in a folder whose other declarations are another API's, carrying that API's
 * envelope and not the stream's: that API's too, even where it shares more fields than it
 * differs in (Realtime's `response.content_part.added` shares four fields with the stream's and
 * differs in three). Lacking the stream's envelope alone keeps it the item's, partial.
 */
export function carriesForeignEnvelope(
  itemFields: readonly ItemField[],
  declared: readonly string[],
  universal: ReadonlySet<string>,
  foreign: ReadonlySet<string>,
): boolean {
  const { missing } = fieldDifference(itemFields, declared, 'type');
  return missing.some((f) => universal.has(f)) && declared.some((f) => foreign.has(f));
}
