import { describe, expect, it } from 'vitest';
import { longestFirst } from './longest-first.js';

type File = { project: string; name: string; seconds?: number };
const order = (files: File[]) =>
  longestFirst(
    files,
    (f) => f.project,
    (f) => f.seconds,
  ).map((f) => f.name);

describe('test files longest first', () => {
  it('puts the longest known files first, unknown files ahead of them, and keeps projects apart', () => {
    const files: File[] = [
      { project: 'isolated', name: 'i1', seconds: 1 },
      { project: 'shared', name: 'small', seconds: 0.2 },
      { project: 'shared', name: 'new-a' },
      { project: 'shared', name: 'pack', seconds: 21 },
      { project: 'isolated', name: 'i2', seconds: 9 },
      { project: 'shared', name: 'hooks', seconds: 23 },
      { project: 'shared', name: 'new-b' },
      { project: 'shared', name: 'tie-1', seconds: 2 },
      { project: 'shared', name: 'tie-2', seconds: 2 },
    ];
    expect(order(files)).toEqual(['i2', 'i1', 'new-a', 'new-b', 'hooks', 'pack', 'tie-1', 'tie-2', 'small']);
  });
});
