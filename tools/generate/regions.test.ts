import { describe, expect, it } from 'vitest';
import { mergeRegions, parseRegions, renderRegion } from './regions.js';

const gen = (key: string, body: string) => ({ key, body });

describe('mergeRegions', () => {
  const a = renderRegion('//', gen('a', 'body a'));
  const editedA = a.replace('body a', 'my own code');
  const b = renderRegion('//', gen('b', 'body b'));
  const cases: [string, { existing: string | undefined; generated: { key: string; body: string }[]; want: string[]; kept: string[] }][] = [
    ['fresh file: everything generated', { existing: undefined, generated: [gen('a', 'body a')], want: [a], kept: [] }],
    [
      'untouched region is regenerated with the new body',
      { existing: a, generated: [gen('a', 'new a')], want: [renderRegion('//', gen('a', 'new a'))], kept: [] },
    ],
    ['edited region is kept byte for byte', { existing: editedA, generated: [gen('a', 'new a')], want: [editedA], kept: ['a'] }],
    ['new item gets a region', { existing: editedA, generated: [gen('a', 'body a'), gen('b', 'body b')], want: [editedA, b], kept: ['a'] }],
    [
      'edited region of a vanished item is kept at the end',
      { existing: `${editedA}\n\n${b}`, generated: [gen('b', 'body b')], want: [b, editedA], kept: ['a'] },
    ],
    ['untouched region of a vanished item goes', { existing: `${a}\n${b}`, generated: [gen('b', 'body b')], want: [b], kept: [] }],
  ];
  it.each(cases)('%s', (_n, { existing, generated, want, kept }) => {
    const r = mergeRegions(existing, generated, '//');
    expect(r.texts).toEqual(want);
    expect(r.kept).toEqual(kept);
  });
  it('parses python comments and multi-line bodies', () => {
    const text = `x\n${renderRegion('#', gen('e', 'def f():\n    return 1'))}\ny`;
    expect(parseRegions(text, '#')).toMatchObject([{ key: 'e', body: 'def f():\n    return 1', edited: false }]);
  });
});
