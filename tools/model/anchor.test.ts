import { describe, expect, it } from 'vitest';
import { formatAnchor, parseAnchor } from './anchor.js';

describe('formatAnchor / parseAnchor', () => {
  const cases: [string, { file: string; start: number; end: number }][] = [
    ['DOC_streaming_events.md:304-367', { file: 'DOC_streaming_events.md', start: 304, end: 367 }],
    ['DOC_responses.md:240', { file: 'DOC_responses.md', start: 240, end: 240 }],
    ['spec.yaml:1-1', { file: 'spec.yaml', start: 1, end: 1 }],
    ['C:/docs/page.md:3-4', { file: 'C:/docs/page.md', start: 3, end: 4 }],
  ];
  it.each(cases)('%s', (anchor, parts) => {
    expect(parseAnchor(anchor)).toEqual(parts);
  });

  it.each([
    ['page.md', 10, 20, 'page.md:10-20'],
    ['page.md', 10, 10, 'page.md:10'],
    ['page.md', 10, undefined, 'page.md:10'],
  ])('formats %s %s-%s as %s, and reads it back', (file, start, end, want) => {
    expect(formatAnchor(file, start, end)).toBe(want);
    expect(parseAnchor(want)).toEqual({ file, start, end: end ?? start });
  });

  it.each(['page.md', 'page.md:', 'page.md:a-b', ':12', 'page.md:1-'])('%j is not an anchor', (text) => {
    expect(parseAnchor(text)).toBeUndefined();
  });
});
