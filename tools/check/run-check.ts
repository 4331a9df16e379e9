/**
 * `specmap check`: everything `sync` would change, reported as findings, nothing written.
 * Three parts, each skipped when the files a hook passes cannot affect it:
 *  - sources:   the sources no longer match the model (semantic diff, not a hash);
 *  - generated: the bytes `generate` would write differ from disk; orphans in the output folder;
 *  - mapping:   locations lost or new, statuses that would change, new unknown literals,
 *               manual notes on items the sources no longer have. Line shifts are not drift.
 */
import { projectCacheDir } from '../cache/settings.js';
import { recordTiming } from '../cache/timings.js';
import type { Config } from '../config/schema.js';
import type { SourceInfo } from '../model/schema.js';
import { loadInputs } from '../pipeline/inputs.js';
import { openRunMemo } from '../pipeline/run-memo.js';
import { applySeverity, compareFindings, type Finding } from './findings.js';
import { isClean } from '../pipeline/fingerprint.js';
import { partsAffectedBy, type CheckPart } from './affected.js';

export interface CheckOptions {
  config: Config;
  root: string;
  configText: string;
  /** Files a hook passes (staged files); only the parts they can affect run. Empty: all parts. */
  files?: readonly string[];
  /** Ignore the warm-path memo. */
  noCache?: boolean;
}

export interface CheckResult {
  findings: Finding[];
  ran: CheckPart[];
  skipped: CheckPart[];
  /** True when the warm path answered from the memo of the last clean check. */
  memo: boolean;
}

/** A check's result with where the model's sources are, to place the findings' spec anchors. */
export interface CheckRun extends CheckResult {
  sources: readonly Pick<SourceInfo, 'id' | 'path'>[];
}

const ALL_PARTS: CheckPart[] = ['sources', 'generated', 'mapping'];

export async function runCheck(options: CheckOptions): Promise<CheckRun> {
  const { config, root } = options;
  const noCache = options.noCache || !projectCacheDir(config, root);
  const cacheDir = noCache ? undefined : projectCacheDir(config, root);
  let t0 = performance.now();
  // Every input, the workspace's module files outside the lanes included (imports reach them).
  const memo = cacheDir ? await openRunMemo('check', config, root, options.configText, isClean, '', { writesNothing: true }) : undefined;
  if (await memo?.hit()) {
    recordTiming('check: answered from the memo of the last clean check', t0);
    return { findings: [], ran: [], skipped: ALL_PARTS, memo: true, sources: [] };
  }
  const parts = options.files?.length ? partsAffectedBy(options.files, await loadInputs(config, root)) : ALL_PARTS;
  const raw: Omit<Finding, 'severity'>[] = [];
  let sources: CheckRun['sources'] = [];
  if (parts.length) {
    // Loaded only past the memo: the hook path of an unchanged tree needs none of it.
    const [{ loadModelState }, { checkSources }, { analyzeForCheck, checkMapping }, { checkGenerated }] = await Promise.all([
      import('../pipeline/model.js'),
      import('./check-sources.js'),
      import('./check-mapping.js'),
      import('./check-generated.js'),
    ]);
    t0 = performance.now();
    const needsMapping = parts.includes('mapping') || parts.includes('generated');
    const building = loadModelState(config, root);
    const facts = needsMapping ? analyzeForCheck(building, config, root, noCache, memo?.startStats()) : undefined;
    // Reported after the model's own failure, if any (analyzeWhileBuilding).
    facts?.catch(() => {});
    const state = await building;
    sources = state.model.sources;
    if (parts.includes('sources')) raw.push(...(await checkSources(state, config)));
    recordTiming('check: sources', t0);
    t0 = performance.now();
    // Mapping first: the tracker tables that `generate` writes are filled from it.
    const mapped = facts ? await checkMapping(state.model, config, root, facts) : undefined;
    if (mapped && parts.includes('mapping')) raw.push(...mapped.findings);
    recordTiming('check: mapping', t0);
    t0 = performance.now();
    if (parts.includes('generated')) raw.push(...(await checkGenerated(state.model, config, root, mapped?.mapping, noCache, state.built)));
    recordTiming('check: generated', t0);
  }
  const findings = applySeverity(raw, config.check.severity).sort(compareFindings);
  // Only a full, clean run may answer later runs from the memo.
  if (memo && parts.length === ALL_PARTS.length && !findings.length) await memo.save({ clean: true }, new Map());
  return { findings, ran: parts, skipped: ALL_PARTS.filter((p) => !parts.includes(p)), memo: false, sources };
}
