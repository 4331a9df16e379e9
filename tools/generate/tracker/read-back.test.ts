import { describe, expect, it } from 'vitest';
import { readManualCells, splitRow } from './read-back.js';

const header = '| Event type | Correlation keys | Used? | Mode | Status | Notes |\n| --- | --- | --- | --- | --- | --- |';

describe('readManualCells', () => {
  const cases: [string, { given: string | undefined; want: Record<string, object> }][] = [
    ['no file', { given: undefined, want: {} }],
    [
      'empty manual cells of an existing row are the human’s (empty)',
      { given: `${header}\n| \`a.b\` | — |  |  | ⬜ Planned |  |`, want: { 'a.b': { used: '', mode: '', notes: '' } } },
    ],
    [
      'manual cells come back raw',
      {
        given: `${header}\n| \`a.b\` | — | yes | x \\| y | ⬜ Planned | n |`,
        want: { 'a.b': { used: 'yes', mode: 'x \\| y', notes: 'n' } },
      },
    ],
    [
      'a computed status is not an override',
      { given: `${header}\n| \`a.b\` | — |  |  | ✅ Implemented |  |`, want: { 'a.b': { used: '', mode: '', notes: '' } } },
    ],
    [
      'a (manual) status is kept whole',
      {
        given: `${header}\n| \`a.b\` | — |  |  | ⛔ Ignored (manual) |  |`,
        want: { 'a.b': { used: '', mode: '', notes: '', status: '⛔ Ignored (manual)' } },
      },
    ],
    [
      'columns are found by title, in any order',
      { given: '| Notes | Event type |\n|---|---|\n| hi | `c.d` |', want: { 'c.d': { notes: 'hi' } } },
    ],
    ['rows of unrelated tables are ignored', { given: '| Name | Value |\n|---|---|\n| `x` | 1 |', want: {} }],
  ];
  it.each(cases)('%s', (_n, { given, want }) => {
    expect(Object.fromEntries(readManualCells(given))).toEqual(want);
  });
  it('splits rows on unescaped pipes only', () => expect(splitRow('| a | b \\| c |  |')).toEqual(['a', 'b \\| c', '']));
});
