/**
 * The reference server's own streams (../shared/recordings/openai, real traffic) judged by the docs-only,
 * OpenAPI-only and merged models: with a baseline learned from the recordings, nothing the reference
 * does is an error; without one, exactly what the baseline lists is. A baseline learned from half of
 * the recordings carries over to the other half, and only vouches for what it saw.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../../tools/model/schema.js';
import { Baseline, profileText, readProfileFile } from '../../tools/verify/baseline.js';
import { resolveSeverities } from '../../tools/verify/severity.js';
import type { VerifyReport } from '../../tools/verify/types.js';
import { learnBaseline, loadBaseline, verifyTraces } from '../../tools/verify/verify.js';
import { recordings, RECORDINGS, referenceModel, SOURCE_SETS, type SourceSet } from './reference-models.js';

const severities = resolveSeverities({});
const all = recordings();
// Half: every other recording in name order. The odd half teaches, the even half is judged.
const teach = all.filter((_, i) => i % 2 === 1);
const judge = all.filter((_, i) => i % 2 === 0);
const SETS = Object.keys(SOURCE_SETS) as SourceSet[];
const models = new Map<SourceSet, Model>();

beforeAll(async () => {
  for (const set of SETS) models.set(set, await referenceModel(set));
}, 60_000);

const baselineFrom = async (paths: string[], model: Model, from: string) => {
  const profile = await learnBaseline(paths, model);
  return new Baseline(profile, { from, kind: 'recordings', recordings: paths.length, deviations: profile.deviations.length });
};
const errorsOf = (r: VerifyReport) =>
  r.traces.flatMap((t) =>
    t.violations.filter((v) => v.severity === 'error').map((v) => `${basename(t.file)}:${v.line} [${v.check}] ${v.message}`),
  );

describe.each(SETS)('recordings of the reference server, %s model', (set) => {
  it('has all 13 recordings, each one response', async () => {
    expect(all).toHaveLength(13);
    const r = await verifyTraces(all, models.get(set)!, {
      severities,
      sdk: false,
      baseline: await baselineFrom(all, models.get(set)!, RECORDINGS),
    });
    expect(r.traces.map((t) => t.responses)).toEqual(all.map(() => 1));
    expect(r.summary.events).toBeGreaterThan(2000);
  });

  it('0 errors with the baseline learned from the same folder; each former error is now reference-does-too', async () => {
    const model = models.get(set)!;
    const without = await verifyTraces(all, model, { severities, sdk: false, maxFindings: Infinity });
    const baseline = await loadBaseline(RECORDINGS, model);
    const withBaseline = await verifyTraces(all, model, { severities, sdk: false, baseline, maxFindings: Infinity });
    expect(errorsOf(withBaseline)).toEqual([]);
    expect(withBaseline.summary.errors).toBe(0);
    expect(withBaseline.summary.infos).toBe(without.summary.errors);
    const verdicts = withBaseline.traces.flatMap((t) => t.violations.map((v) => v.verdict));
    expect(new Set(verdicts)).toEqual(without.summary.errors ? new Set(['reference-does-too']) : new Set());
    expect(withBaseline.baseline).toEqual({
      from: RECORDINGS,
      kind: 'recordings',
      recordings: 13,
      deviations: baseline.profile.deviations.length,
    });
  });

  it('0 errors on the even half with the baseline learned from the odd half', async () => {
    const model = models.get(set)!;
    const r = await verifyTraces(judge, model, { severities, sdk: false, baseline: await baselineFrom(teach, model, 'odd half') });
    expect(errorsOf(r)).toEqual([]);
    expect(r.summary.traces).toBe(7);
  });

  it('the other way round, only the deviation the teaching half never showed stays an error', async () => {
    const model = models.get(set)!;
    const r = await verifyTraces(teach, model, { severities, sdk: false, baseline: await baselineFrom(judge, model, 'even half') });
    // Only programmatic-tool-calling and tool-search (both in the odd half) hold a `function_call_arguments.done`
    // at all, and both without `name`: the even half never shows that event, so its baseline cannot vouch for it.
    const missingName =
      'Found an event that does not match the `response.function_call_arguments.done` schema: name: expected string, received nothing (absent)';
    expect(errorsOf(r)).toEqual([
      `programmatic-tool-calling.1.jsonl:9 [schema] ${missingName}`,
      `tool-search.1.jsonl:21 [schema] ${missingName}`,
    ]);
  });
});

describe('the committed profile', () => {
  const fixture = join(import.meta.dirname, 'fixtures/openai-recordings.merged.baseline.json');

  it('is what learning from the recordings writes today, byte for byte, twice over', async () => {
    const model = models.get('merged')!;
    const first = profileText(await learnBaseline(all, model));
    const second = profileText(await learnBaseline([...all].reverse(), model));
    expect(second).toBe(first);
    expect(readFileSync(fixture, 'utf8'), 'regenerate with: npx tsx tests/verify/fixtures/regenerate.ts').toBe(first);
  });

  it('judges like the folder it was learned from', async () => {
    const model = models.get('merged')!;
    const baseline = await readProfileFile(fixture);
    const r = await verifyTraces(all, model, { severities, sdk: false, baseline });
    expect(r.summary.errors).toBe(0);
    expect(r.baseline).toEqual({ from: fixture, kind: 'profile', recordings: 13, deviations: 7 });
  });
});
