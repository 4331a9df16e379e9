/**
 * `specmap import LEGACY.json`: adopts a hand-made SPEC_TO_CODE_MAPPING. Every field lands in a
 * manual block (or an orphan); the counts of fields read and placed are printed and must be equal,
 * or nothing is written.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import { EXIT, InputError } from '../diagnostics/errors.js';
import { applyImport, countPlaced, type Applied } from '../import/apply.js';
import { contradictions } from '../import/claims.js';
import { LegacyMappingSchema, type LegacyMapping } from '../import/legacy-format.js';
import { validateLegacy } from '../import/validate-legacy.js';
import { scanJsonPositions } from '../io/json-positions.js';
import { planImport, type ImportPlan } from '../import/plan.js';
import { toJsonText } from '../io/json.js';
import { applyPlan, planWrites } from '../io/write-plan.js';
import { mappingText } from '../mapping/render.js';
import { assertMappingUnchanged, buildMapping, summaryLine, withProjectLock } from './map.js';

export interface ImportOptions {
  config?: string;
  cwd?: string;
  json?: boolean;
  dryRun?: boolean;
  allowOutside?: boolean;
}

export function readLegacy(path: string, display = path): LegacyMapping {
  const diag = (message: string, at = { line: 1, column: 1 }) => [{ severity: 'error' as const, code: 'legacy-invalid', file: display, ...at, message, hint: 'pass a SPEC_TO_CODE_MAPPING.json (sections endpoints, request_parameters, streaming_events, summary)' }];
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && (error as NodeJS.ErrnoException).code !== 'EISDIR') throw error;
    throw new InputError(`cannot read ${display}`, diag(`Missing file \`${display}\`, expected a SPEC_TO_CODE_MAPPING.json`));
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const m = /position (\d+)/.exec(String(error));
    const at = m ? scanLineCol(text, Number(m[1])) : undefined;
    throw new InputError(`cannot read ${display}`, diag(`Unexpected content: ${(error as Error).message}, expected a JSON file`, at));
  }
  const problems = validateLegacy(raw, display, scanJsonPositions(text));
  if (problems.length) throw new InputError(`${display} is not a legacy mapping`, problems);
  const parsed = LegacyMappingSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(`${display} is not a legacy mapping`, diag(`${issue.message} at \`${issue.path.join('.') || '(root)'}\`, expected the legacy mapping format`));
  }
  return parsed.data;
}

function scanLineCol(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

export async function runImport(file: string, opts: ImportOptions): Promise<number> {
  const legacyPath = resolve(opts.cwd ?? process.cwd(), file);
  // Validated before the lock and the analysis: a wrong file is refused in milliseconds.
  const legacy = readLegacy(legacyPath, file);
  if (opts.dryRun) return runImportWith(legacy, legacyPath, file, opts);
  return withProjectLock(opts, () => runImportWith(legacy, legacyPath, file, opts));
}

async function runImportWith(legacy: LegacyMapping, legacyPath: string, file: string, opts: ImportOptions): Promise<number> {
  const origin = `import ${basename(legacyPath)}`;
  let plan: ImportPlan | undefined;
  let applied: Applied | undefined;
  const built = await buildMapping(opts, (previous, model) => {
    plan = planImport(legacy, model);
    applied = applyImport(plan, previous, origin);
    return applied.source;
  });
  const { config, root, mapping, diagnostics, mappingPath, mappingHash } = built;
  const placed = countPlaced(plan!, applied!, mapping);
  if (placed !== plan!.read) {
    throw new InputError(`import would lose fields: read ${plan!.read}, placed ${placed}; nothing written`);
  }
  const claims = contradictions(plan!, mapping);
  const anchors = plan!.targets.filter((t) => t.anchorDiffers).map((t) => ({ id: t.id, legacy: t.anchorDiffers!.legacy, spec: t.anchorDiffers!.spec ?? null }));
  const items = plan!.targets.filter((t) => t.item).length;
  const orphans = plan!.targets.filter((t) => !t.item).map((t) => t.id);
  const stale = Object.entries(mapping.items).flatMap(([id, e]) => (e.legacyFindings ?? []).filter((f) => f.startsWith('legacy code location')).map((message) => ({ id, message })));
  if (!opts.dryRun) assertMappingUnchanged(mappingPath, mappingHash, config.mapping, 'specmap import');
  const written = opts.dryRun ? false : applyPlan(planWrites(root, [{ path: config.mapping, content: mappingText(mapping), producedBy: 'specmap import' }])).length > 0;
  if (opts.json) {
    process.stdout.write(toJsonText({ file, read: plan!.read, placed, items, orphans, contradictions: claims, staleCodeLines: stale, anchorsDiffer: anchors, mapping: config.mapping, written, diagnostics }));
    return EXIT.clean;
  }
  for (const d of diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
  const out: string[] = [
    `read ${plan!.read} fields from ${file}, placed ${placed}: ${items} entries on spec items, ${orphans.length} kept as orphans (${orphans.join(', ')})`,
  ];
  if (anchors.length) out.push(`${anchors.length} legacy anchor${anchors.length === 1 ? '' : 's'} differ from the spec's (kept under manual.legacy):`, ...anchors.map((a) => `  ${a.id}: legacy ${a.legacy}, spec ${a.spec ?? '(none)'}`));
  if (claims.length) out.push(`${claims.length} legacy claim${claims.length === 1 ? '' : 's'} the code contradicts (not copied as status; kept in mapping.json as legacyFindings):`, ...claims.map((c) => `  ${c.id}: ${c.message}`));
  if (stale.length) out.push(`${stale.length} legacy code location${stale.length === 1 ? '' : 's'} no longer where the code is:`, ...stale.map((c) => `  ${c.id}: ${c.message}`));
  out.push(`${opts.dryRun ? 'would write' : written ? 'wrote' : 'unchanged'} ${config.mapping}: ${summaryLine(mapping)}`);
  process.stdout.write(out.join('\n') + '\n');
  return EXIT.clean;
}
