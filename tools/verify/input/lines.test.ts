import { describe, expect, it } from 'vitest';
import { readLineBatches } from './lines.js';

async function lines(chunks: string[]): Promise<[number, string][]> {
  const out: [number, string][] = [];
  for await (const batch of readLineBatches(
    (async function* () {
      yield* chunks;
    })(),
  ))
    for (const l of batch) out.push([l.number, l.text]);
  return out;
}

/** Every way to cut `text` into two chunks, plus one chunk per character. */
const splits = (text: string): string[][] => [
  ...Array.from({ length: text.length + 1 }, (_, i) => [text.slice(0, i), text.slice(i)]),
  [...text],
];

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

async function read(chunks: (string | Buffer)[], maxLineLength?: number) {
  const out: { number: number; text: string; problem?: { message: string; fatal: boolean } }[] = [];
  const source = (async function* () {
    yield* chunks;
  })();
  for await (const batch of readLineBatches(source, maxLineLength === undefined ? {} : { maxLineLength })) out.push(...batch);
  return out;
}

describe('readLineBatches on input that is not a clean trace', () => {
  it('drops a leading BOM, in text and in bytes, and only there', async () => {
    expect((await read(['\ufeffa\n\ufeffb\n'])).map((l) => l.text)).toEqual(['a', '\ufeffb']);
    expect((await read([Buffer.from([0xef, 0xbb]), Buffer.from([0xbf, 0x61, 0x0a])])).map((l) => l.text)).toEqual(['a']);
  });

  it('keeps a UTF-8 character cut between chunks', async () => {
    const bytes = Buffer.from('é€\n');
    const lines = await read([bytes.subarray(0, 1), bytes.subarray(1, 3), bytes.subarray(3)]);
    expect(lines).toEqual([{ number: 1, text: 'é€' }]);
  });

  it('stops at bytes that are not UTF-8, with a fatal problem line', async () => {
    const lines = await read([Buffer.from('ok\n'), Buffer.from([0x7b, 0xff, 0xfe, 0x0a])]);
    expect(lines[0]).toEqual({ number: 1, text: 'ok' });
    expect(lines[1]).toMatchObject({ number: 2, text: '', problem: { fatal: true, message: expect.stringContaining('not UTF-8') } });
    expect(lines).toHaveLength(2);
  });

  it('stops at a NUL character: a binary file', async () => {
    const lines = await read(['{"a":1}\n', 'PK\u0003\u0004\u0000\u0000rest\nmore\n']);
    expect(lines.map((l) => [l.number, l.problem?.fatal])).toEqual([
      [1, undefined],
      [2, true],
    ]);
    expect(lines[1]!.problem!.message).toContain('binary');
  });

  it('skips a line over the limit, however the chunks fall, and reads on', async () => {
    const text = 'short\n' + 'x'.repeat(25) + '\nnext\n';
    for (const chunks of [[text], [...text], [text.slice(0, 9), text.slice(9, 20), text.slice(20)]]) {
      const lines = await read(chunks, 10);
      expect(lines.map((l) => [l.number, l.text, l.problem?.message])).toEqual([
        [1, 'short', undefined],
        [2, '', 'Found a line of 25 characters, expected at most 10 (verify.maxLineLength / --max-line-length)'],
        [3, 'next', undefined],
      ]);
    }
    expect((await read(['y'.repeat(11)], 10))[0]!.problem?.fatal).toBe(false);
  });

  it('joins a line spread over many chunks once (linear: 20k chunks of one line)', async () => {
    const chunks = Array.from({ length: 20_000 }, () => 'abcdefghij');
    const lines = await read([...chunks, '\n']);
    expect(lines).toEqual([{ number: 1, text: 'abcdefghij'.repeat(20_000) }]);
  });
});
