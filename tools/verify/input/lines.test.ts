import { describe, expect, it } from 'vitest';
import { readLineBatches } from './lines.js';

async function lines(chunks: string[]): Promise<[number, string][]> {
  const out: [number, string][] = [];
  for await (const batch of readLineBatches((async function* () { yield* chunks; })())) for (const l of batch) out.push([l.number, l.text]);
  return out;
}

/** Every way to cut `text` into two chunks, plus one chunk per character. */
const splits = (text: string): string[][] => [...Array.from({ length: text.length + 1 }, (_, i) => [text.slice(0, i), text.slice(i)]), [...text]];

describe('readLineBatches', () => {
  const cases: [string, { given: string; want: string[] }][] = [
    ['\\n', { given: 'a\nbc\n', want: ['a', 'bc'] }],
    ['\\r\\n', { given: 'a\r\nbc\r\n', want: ['a', 'bc'] }],
    ['lone \\r', { given: 'a\rbc\r', want: ['a', 'bc'] }],
    ['mixed, blank lines', { given: 'a\r\n\r\rb\n\nc', want: ['a', '', '', 'b', '', 'c'] }],
    ['\\n\\r is two endings', { given: 'a\n\rb', want: ['a', '', 'b'] }],
    ['no ending', { given: 'abc', want: ['abc'] }],
    ['empty', { given: '', want: [] }],
  ];
  it.each(cases)('%s, however the chunks fall', async (_name, { given, want }) => {
    for (const chunks of splits(given)) expect(await lines(chunks), JSON.stringify(chunks)).toEqual(want.map((t, i) => [i + 1, t]));
  });
});
