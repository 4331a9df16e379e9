import { describe, expect, it } from 'vitest';
import { compareStrings, itemComparator, sortKeysDeep } from './sort.js';

describe('itemComparator', () => {
  const compare = itemComparator(['b.md', 'a.md']);
  it('orders by configured source, then line, then id; unanchored items last', () => {
    const items = [
      { id: 'z', anchors: [] },
      { id: 'a2', anchors: ['a.md:5-9'] },
      { id: 'b10', anchors: ['b.md:10'] },
      { id: 'x', anchors: ['unknown.md:1'] },
      { id: 'a1', anchors: ['a.md:1-3'] },
      { id: 'b2', anchors: ['b.md:2-4'] },
      { id: 'b2-same-line', anchors: ['b.md:2'] },
    ];
    expect([...items].sort(compare).map((i) => i.id)).toEqual(['b2', 'b2-same-line', 'b10', 'a1', 'a2', 'x', 'z']);
  });

  it('is total: the same set in any order sorts the same', () => {
    const items = [
      { id: 'c', anchors: ['a.md:1'] },
      { id: 'b', anchors: ['a.md:1'] },
      { id: 'a', anchors: ['b.md:7'] },
    ];
    const once = [...items].sort(compare).map((i) => i.id);
    expect(
      [...items]
        .reverse()
        .sort(compare)
        .map((i) => i.id),
    ).toEqual(once);
    expect(once).toEqual(['a', 'b', 'c']);
  });
});

describe('compareStrings / sortKeysDeep', () => {
  it('compares by code unit, not locale', () => {
    expect(['b', 'B', 'a', '_'].sort(compareStrings)).toEqual(['B', '_', 'a', 'b']);
  });

  it('sorts keys at every depth and keeps array order', () => {
    const sorted = sortKeysDeep({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } });
    expect(JSON.stringify(sorted)).toBe('{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}');
  });
});
