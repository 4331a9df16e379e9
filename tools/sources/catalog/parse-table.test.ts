import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import { cells, parseTable } from './parse-table.js';

const TABLE = [
  '# Widgets', // 1
  '', // 2
  'Some words before the table.', // 3
  '', // 4
  '| Notes | What it represents | Event type | Correlation keys |', // 5
  '|---|:---|---|---|', // 6
  '| x | A widget was made. | `widget.made` | `widget_id`, `batch_id` |', // 7
  '| y | A widget broke \\| badly. | widget.broke | — |', // 8
  '| z | Not a token. | two words | |', // 9
].join('\n');

describe('parseTable', () => {
  it('reads rows by column name, in any column order, with their line numbers', () => {
    const bag = new DiagnosticBag();
    expect(parseTable(TABLE, 'w.md', bag)).toEqual([
      { type: 'widget.made', correlationKeys: ['widget_id', 'batch_id'], description: 'A widget was made.', line: 7 },
      { type: 'widget.broke', correlationKeys: [], description: 'A widget broke | badly.', line: 8 },
    ]);
    expect(bag.items.map((d) => `${d.file}:${d.line} ${d.code}`)).toEqual(['w.md:9 catalog-bad-type']);
  });

  it('ignores tables without an event type column', () => {
    expect(parseTable('| a | b |\n|---|---|\n| 1 | 2 |', 'x.md', new DiagnosticBag())).toEqual([]);
  });
});

describe('cells', () => {
  it.each<[string, string[]]>([
    ['| a | b |', ['a', 'b']],
    ['a | b', ['a', 'b']],
    ['| a \\| b | c |', ['a | b', 'c']],
  ])('%s', (line, want) => {
    expect(cells(line)).toEqual(want);
  });
});
