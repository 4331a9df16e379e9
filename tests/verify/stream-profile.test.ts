/**
 * The stream profile as configuration: detected by default on a Responses model, forced by name or
 * by a `.json` file of the same shape (which then gives the same findings), switched off with `none`
 * (only framing, schema and per-type checks: broken traces keep their schema and framing findings,
 * lose every structural one, and a mistyped `sequence_number` becomes the schema's), and refused with
 * a config error when unknown or malformed.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../../tools/model/schema.js';
import { BUNDLED_PROFILES_DIR } from '../../tools/profiles/bundled-dir.js';
import { resolveSeverities } from '../../tools/verify/severity.js';
import { verifyTraces } from '../../tools/verify/verify.js';
import { referenceModel, ROOT } from './reference-models.js';

const BROKEN = join(ROOT, 'tests/traces/broken');
const TRACES = ['sequence.jsonl', 'lifecycle.jsonl', 'accumulation.jsonl', 'schema.jsonl', 'framing.sse', 'never-closed.jsonl'].map((f) =>
  join(BROKEN, f),
);
const STRUCTURAL = new Set(['lifecycle', 'sequence', 'indices', 'identity', 'accumulation', 'family', 'closure']);
const dir = mkdtempSync(join(tmpdir(), 'specmap-stream-profile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let model: Model;
beforeAll(async () => {
  model = await referenceModel('docs');
});
const run = (profile?: string) =>
  verifyTraces(TRACES, model, { severities: resolveSeverities({}), sdk: false, ...(profile && { profile, root: dir }) });
const checks = (r: Awaited<ReturnType<typeof run>>) =>
  r.traces.flatMap((t) => t.violations.map((v) => `${t.file.split('/').pop()}:${v.line} ${v.check}`));

describe('verify.profile', () => {
  it('detected on a Responses model: the same findings as naming it', async () => {
    const [detected, named] = [await run(), await run('responses')];
    expect(detected.streamProfile).toBe('responses');
    expect(checks(detected)).toEqual(checks(named));
    expect(checks(detected).some((c) => STRUCTURAL.has(c.split(' ')[1]!))).toBe(true);
  });

  it('a .json file of the same shape gives the same findings', async () => {
    copyFileSync(join(BUNDLED_PROFILES_DIR, 'streams/responses.json'), join(dir, 'mine.json'));
    expect(checks(await run('mine.json'))).toEqual(checks(await run('responses')));
  });

  it('`none`: framing and schema findings stay, structural ones go', async () => {
    const [none, full] = [await run('none'), await run()];
    expect(none.streamProfile).toBeUndefined();
    const kept = checks(full).filter((c) => !STRUCTURAL.has(c.split(' ')[1]!));
    expect(checks(none)).toEqual(expect.arrayContaining(kept));
    // With no ordering field to own, a `sequence_number` of the wrong type is the schema's finding.
    const sequenceLines = new Set(
      checks(full)
        .filter((c) => c.endsWith(' sequence'))
        .map((c) => c.split(' ')[0]),
    );
    const extra = checks(none).filter((c) => !kept.includes(c));
    expect(extra.length).toBeGreaterThan(0);
    for (const c of extra) expect([c.endsWith(' schema'), sequenceLines.has(c.split(' ')[0])]).toEqual([true, true]);
    expect(none.traces.flatMap((t) => t.violations).every((v) => !STRUCTURAL.has(v.check))).toBe(true);
  });

  it.each([
    ['an unknown name', 'nope', 'Found verify profile `nope`, expected `none`, one of `responses` or a path to a `.json` stream profile'],
    ['a file of another shape', 'bad.json', 'Found a stream profile bad.json with'],
  ])('%s is a config error', async (_what, profile, message) => {
    writeFileSync(join(dir, 'bad.json'), '{"name": "bad"}\n');
    await expect(run(profile)).rejects.toMatchObject({ kind: 'config', message: expect.stringContaining(message) });
  });
});
