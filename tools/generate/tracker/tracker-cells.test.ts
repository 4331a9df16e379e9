import { describe, expect, it } from 'vitest';
import { applyEdits, cellToText, cellsFromManual, decideCell, hashCell } from './tracker-cells.js';
import { mdCell } from '../escape.js';

describe('decideCell', () => {
  const h = hashCell;
  const cases: [string, { tracker: string | undefined; mapping: string; rendered: string | undefined; record: boolean; want: string }][] = [
    ['no tracker row: the mapping', { tracker: undefined, mapping: 'm', rendered: undefined, record: true, want: 'mapping' }],
    ['both the same', { tracker: 'x', mapping: 'x', rendered: h('old'), record: true, want: 'mapping' }],
    [
      'tracker as rendered, mapping changed (a pull)',
      { tracker: 'old', mapping: 'new', rendered: h('old'), record: true, want: 'mapping' },
    ],
    ['tracker edited, mapping as rendered', { tracker: 'mine', mapping: 'old', rendered: h('old'), record: true, want: 'tracker' }],
    ['tracker edited where the mapping was empty', { tracker: 'mine', mapping: '', rendered: undefined, record: true, want: 'tracker' }],
    ['tracker emptied by hand', { tracker: '', mapping: 'old', rendered: h('old'), record: true, want: 'tracker' }],
    ['both edited differently', { tracker: 'a', mapping: 'b', rendered: h('old'), record: true, want: 'conflict' }],
    ['old tracker without a record, mapping empty', { tracker: 'mine', mapping: '', rendered: undefined, record: false, want: 'tracker' }],
    ['old tracker without a record, empty cell', { tracker: '', mapping: 'm', rendered: undefined, record: false, want: 'mapping' }],
    ['old tracker without a record, both set', { tracker: 'a', mapping: 'b', rendered: undefined, record: false, want: 'conflict' }],
  ];
  it.each(cases)('%s', (_name, { tracker, mapping, rendered, record, want }) => {
    expect(decideCell(tracker, mapping, rendered, record)).toBe(want);
  });
});

describe('cell text round trip', () => {
  it.each(['a | b', 'back\\slash', 'x\\|y', '`code | pipe`', 'plain'])('%j → cell → text', (text) => {
    expect(cellToText(mdCell(text))).toBe(text);
  });
});

describe('applyEdits', () => {
  it.each([
    ['a note typed in the tracker', { notes: 'a \\| b' }, undefined, { notes: 'a | b' }],
    ['an emptied cell removes its key, keeping the others', { notes: '' }, { notes: 'x', priority: 'high' }, { priority: 'high' }],
    ['an exact manual status becomes a statusOverride', { status: '⛔ Ignored (manual)' }, undefined, { statusOverride: 'ignored' }],
    [
      'any other manual status is kept as written',
      { status: 'vendor only (manual)' },
      { statusOverride: 'partial' },
      { trackerStatus: 'vendor only (manual)' },
    ],
    ['a status without the mark drops the override', { status: '' }, { statusOverride: 'ignored', notes: 'n' }, { notes: 'n' }],
  ])('%s', (_name, edits, manual, want) => {
    expect(applyEdits(manual as never, edits)).toEqual(want);
  });

  it('stored edits render back as the cells typed', () => {
    const manual = applyEdits(undefined, { used: 'yes', notes: 'a \\| b', status: '⛔ Ignored (manual)' });
    expect(cellsFromManual(manual)).toEqual({ used: 'yes', mode: '', notes: 'a \\| b', status: '⛔ Ignored (manual)' });
  });
});
