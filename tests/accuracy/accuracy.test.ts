/**
 * The mapping on real code nobody here wrote (../shared/corpora) and on fixtures that reproduce what
 * a name-based mapping gets wrong: every truth entry is first checked against its file, then each
 * lane must reach precision ≥ 97% and recall ≥ 98%, and no item may get a location the truth does
 * not give it.
 */
import { describe, expect, it } from 'vitest';
import { FIXTURE_CORPORA, REAL_CORPORA } from './corpora.js';
import { measure } from './measure.js';
import { uncheckedEntries } from './score.js';

describe.each([...FIXTURE_CORPORA, ...REAL_CORPORA])('$name', (corpus) => {
  const measured = measure(corpus);

  it('has a truth table whose every entry names its item on its line', async () => {
    const { root } = await measured;
    expect(uncheckedEntries(corpus.truth, root)).toEqual([]);
  });

  it('reaches precision ≥ 97% and recall ≥ 98% in every lane', async () => {
    const { score } = await measured;
    for (const lane of score.lanes) {
      expect({ lane: lane.lane, wrong: lane.precision >= 0.97 ? [] : lane.wrong, missed: lane.recall >= 0.98 ? [] : lane.missed }).toEqual({
        lane: lane.lane,
        wrong: [],
        missed: [],
      });
    }
    expect(score.lanes.length).toBeGreaterThan(0);
  });

  it('invents no item', async () => {
    const { score, mapping } = await measured;
    expect(score.invented).toEqual([]);
    for (const id of corpus.never ?? []) expect(Object.keys(mapping.items[id]?.lanes ?? {})).toEqual([]);
  });

  it('lists same-literal declarations of another shape and unknown literals, and records evidence', async () => {
    const { mapping } = await measured;
    for (const [id, at] of Object.entries(corpus.otherShape ?? {})) {
      expect((mapping.items[id]?.sameLiteralOtherShape ?? []).map((l) => `${l.file.split('/').slice(-2).join('/')}:${l.line}`)).toEqual(
        at.map((a) => a.split('/').slice(-2).join('/')),
      );
    }
    for (const literal of corpus.unknown ?? []) expect(mapping.unknownLiterals.map((u) => u.literal)).toContain(literal);
    const locations = Object.values(mapping.items).flatMap((e) => Object.values(e.lanes).flat());
    expect(locations.filter((l) => !l.evidence || !l.confidence)).toEqual([]);
  });
});
