import { describe, expect, it } from 'vitest';
import { deepestNesting } from './limits.js';

describe('deepestNesting', () => {
  it.each([
    ['prose', 'a\nb\n', 0],
    ['one list', '- a\n- b\n', 1],
    ['a nested list by indentation', '- a\n  - b\n    - c\n', 3],
    ['markers on one line', '- > 1. x\n', 3],
    ['fenced code does not count', '```\n- - - - -\n```\n', 0],
    ['a tab is four columns', '\t- x\n', 3],
  ])('%s', (_n, text, depth) => expect(deepestNesting(text).depth).toBe(depth));
});
