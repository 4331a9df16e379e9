import { describe, expect, it } from 'vitest';
import type { MappingEntry } from './schema.js';
import { summarize } from './summary.js';

const entry = (status: MappingEntry['status'], api?: string): MappingEntry => ({
  kind: 'event',
  ...(api ? { api } : {}),
  anchor: null,
  category: 'errors',
  lanes: {},
  status,
});

describe('summarize', () => {
  it('counts per API when the items belong to several', () => {
    const s = summarize(
      {
        'event:error': entry('implemented', 'responses'),
        'event:realtime/error': entry('missing', 'realtime'),
        'event:realtime/x': entry('partial', 'realtime'),
      },
      [],
      ['errors'],
      0,
      0,
    ) as { byApi?: Record<string, { total: number; missing: number; partial: number }> };
    expect(Object.keys(s.byApi ?? {})).toEqual(['realtime', 'responses']);
    expect(s.byApi!.realtime).toMatchObject({ total: 2, missing: 1, partial: 1 });
  });

  it('has no per-API counts with one API or none', () => {
    expect(summarize({ a: entry('implemented', 'responses'), b: entry('missing', 'responses') }, [], [], 0, 0)).not.toHaveProperty('byApi');
    expect(summarize({ a: entry('implemented') }, [], [], 0, 0)).not.toHaveProperty('byApi');
  });
});
