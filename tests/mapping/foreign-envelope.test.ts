/**
 * Another API's events with the stream's names (Realtime's `response.content_part.added`): where a
 * folder declares at least three that are clearly another API's (no `sequence_number`, a field of
 * their own), the field nearly all of them carry and no event of the spec has (`event_id`) is that
 * API's envelope. A declaration in that folder that lacks the stream's envelope and carries that
 * one is that API's too, even when it shares more fields with the stream's event than it differs
 * in. Fewer clear cases, another folder, or the stream's envelope kept: the item's, as before.
 */
import { describe, expect, it } from 'vitest';
import { computeMapping } from '../../tools/mapping/compute.js';
import type { Event } from '../../tools/model/schema.js';
import { fact, smallConfig, smallModel } from './fixture.js';

function model() {
  const m = smallModel();
  const template = m.events[0]!;
  const added: Event = {
    ...template,
    id: 'event:response.content_part.added',
    type: 'response.content_part.added',
    anchors: ['events.md:40-49'],
    fields: ['type', 'content_index', 'item_id', 'output_index', 'part', 'sequence_number'].map((name) => ({
      ...template.fields[0]!,
      name,
    })),
    classNames: [],
  };
  m.events.push(added);
  return m;
}

const definition = (file: string, literal: string, fields: string[]) =>
  fact({ file, line: 3, kind: 'definition', symbol: file.split('/').pop()!, literal, fields: ['type', ...fields] });

/** Realtime-like: no `sequence_number`, `event_id` and `response_id` of its own, four fields shared. */
const BORDERLINE = ['content_index', 'event_id', 'item_id', 'output_index', 'part', 'response_id'];

const clearCases = (folder: string, n: number) =>
  [
    definition(`${folder}/created.py`, 'response.created', ['event_id', 'response']),
    definition(`${folder}/completed.py`, 'response.completed', ['event_id', 'response']),
    definition(`${folder}/delta.py`, 'response.output_text.delta', ['event_id', 'delta', 'item_id', 'response_id', 'content_index']),
  ].slice(0, n);

describe('another API’s envelope, learned per folder', () => {
  const m = computeMapping(
    model(),
    [
      ...clearCases('backend/realtime', 3),
      definition('backend/realtime/part_added.py', 'response.content_part.added', BORDERLINE),
      // The stream's envelope kept: the item's, extended, whatever else it adds.
      definition('backend/realtime/part_added_v2.py', 'response.content_part.added', [...BORDERLINE, 'sequence_number']),
      // Only two clear cases: too few to say what the folder's envelope is.
      ...clearCases('backend/old', 2),
      definition('backend/old/part_added.py', 'response.content_part.added', BORDERLINE),
      // Alone in its folder.
      definition('backend/server/part_added.py', 'response.content_part.added', BORDERLINE),
    ],
    smallConfig(),
  );
  const item = m.items['event:response.content_part.added']!;
  const files = (ls: readonly { file: string }[] | undefined) => (ls ?? []).map((l) => l.file.replace(/^ws\//, '')).sort();

  it('lists the declaration beside that API’s own as that API’s, not counted', () => {
    expect(files(item.sameLiteralOtherShape)).toEqual(['backend/realtime/part_added.py']);
  });

  it('counts it where the folder has fewer clear cases, none, or where it keeps the stream’s envelope', () => {
    expect(files(item.lanes.inbound)).toEqual([
      'backend/old/part_added.py',
      'backend/realtime/part_added_v2.py',
      'backend/server/part_added.py',
    ]);
  });

  it('leaves the clear cases as they were', () => {
    expect(files(m.items['event:response.created']!.sameLiteralOtherShape)).toEqual([
      'backend/old/created.py',
      'backend/realtime/created.py',
    ]);
    expect(m.items['event:response.created']!.lanes.inbound).toBeUndefined();
  });
});
