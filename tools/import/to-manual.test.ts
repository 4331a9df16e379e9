import { describe, expect, it } from 'vitest';
import { applyImport, countPlaced } from './apply.js';
import type { ImportPlan } from './plan.js';
import { placementsOf } from './to-manual.js';

describe('placementsOf', () => {
  it.each([
    ['note', 'n', ['notes']],
    ['known_issues', ['a'], ['knownIssues']],
    ['known_issues', 'not a list', ['legacy', 'known_issues']],
    ['test_priority', 'high', ['testPriority']],
    ['compliance_score', 80, ['complianceScore']],
    ['implemented', true, ['legacy', 'implemented']],
    ['code_location', { file: 'a.py', line: '1-2' }, ['legacy', 'code_location']],
  ] as const)('%s → %j', (key, value, path) => {
    expect(placementsOf({ [key]: value as never })).toEqual([{ key, path, value }]);
  });

  it('sends a second note to legacy instead of overwriting the first', () => {
    expect(placementsOf({ note: 'a', notes: 'b' }).map((p) => p.path)).toEqual([['notes'], ['legacy', 'notes']]);
  });
});

describe('applyImport', () => {
  const plan: ImportPlan = {
    read: 3,
    targets: [
      { id: 'event:a', item: true, from: 'streaming_events/a', placements: placementsOf({ note: 'legacy words', test_priority: 'high' }) },
      { id: 'event:gone', item: false, from: 'streaming_events/gone', placements: placementsOf({ implemented: true }) },
    ],
  };

  it('keeps human words, puts a differing legacy value under imported, and counts what landed', () => {
    const applied = applyImport(plan, { items: { 'event:a': { manual: { notes: 'ours' } } }, orphans: {} }, 'import L.json');
    expect(applied.source.items['event:a']!.manual).toEqual({ notes: 'ours', testPriority: 'high', imported: { note: 'legacy words' } });
    expect(applied.source.orphans['event:gone']).toEqual({
      manual: { legacy: { implemented: true } },
      origin: 'import L.json#streaming_events',
    });
    expect(countPlaced(plan, applied, { items: applied.source.items as never, orphans: applied.source.orphans })).toBe(3);
    // Nothing placed where the result lacks it.
    expect(countPlaced(plan, applied, { items: {}, orphans: {} })).toBe(0);
  });
});
