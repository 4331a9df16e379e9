/**
 * `specmap import LEGACY.json`: adopts a hand-made SPEC_TO_CODE_MAPPING. Every field lands in a
 * manual block (or an orphan); the counts of fields read and placed are printed and must be equal,
 * or nothing is written.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { InputError } from '../diagnostics/errors.js';
import { applyImport, countPlaced, type Applied } from '../import/apply.js';
import { contradictions } from '../import/claims.js';
import { LegacyMappingSchema, type LegacyMapping } from '../import/legacy-format.js';
import { validateLegacy } from '../import/validate-legacy.js';
import { positionAt, scanJsonPositions, type JsonPositions } from '../io/json-positions.js';
import { fromDiagnostic } from '../problems/from-diagnostic.js';
import { fromLegacyAnchorDiffers, fromLegacyFinding, fromLegacyOrphan } from '../problems/from-legacy.js';
import type { Problem, ProblemLocation } from '../problems/problem.js';
import { planImport, type ImportPlan } from '../import/plan.js';
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

/** The legacy mapping, with where each of its keys stands in the text (for the problems' places). */
interface LegacyRead {
  legacy: LegacyMapping;
  positions: JsonPositions;
}

function readLegacy(path: string, display = path): LegacyRead {
  const diag = (message: string, at = { line: 1, column: 1 }) => [
    {
      severity: 'error' as const,
      code: 'legacy-invalid',
      file: display,
      ...at,
      message,
      hint: 'pass a SPEC_TO_CODE_MAPPING.json (sections endpoints, request_parameters, streaming_events, summary)',
    },
  ];
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
    const at = m ? positionAt(text, Number(m[1])) : undefined;
    throw new InputError(`cannot read ${display}`, diag(`Unexpected content: ${(error as Error).message}, expected a JSON file`, at));
  }
  const positions = scanJsonPositions(text);
  const problems = validateLegacy(raw, display, positions);
  if (problems.length) throw new InputError(`${display} is not a legacy mapping`, problems);
  const parsed = LegacyMappingSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(
      `${display} is not a legacy mapping`,
      diag(`${issue.message} at \`${issue.path.join('.') || '(root)'}\`, expected the legacy mapping format`),
    );
  }
  return { legacy: parsed.data, positions };
}

export interface ImportResult {
  file: string;
  /** Fields read from the legacy file, and placed in mapping.json (always equal: else it throws). */
  read: number;
  placed: number;
  /** Entries that landed on spec items. */
  items: number;
  /** Entries (and the summary) kept as orphans: no spec item has their id. */
  orphans: string[];
  contradictions: { id: string; from: string; message: string }[];
  staleCodeLines: { id: string; message: string }[];
  anchorsDiffer: { id: string; legacy: string; spec: string | null }[];
  /** The mapping file as the config names it, and whether it was (or with dryRun, would be) written. */
  mapping: string;
  written: boolean;
  dryRun: boolean;
  summary: string;
  diagnostics: Diagnostic[];
  /** Everything above worth a look, as problems: diagnostics, contradictions, stale lines, differing anchors, orphans. */
  problems: Problem[];
}

/** `endpoints/POST /v1/x`, `request_parameters/Class/name`, `summary` → the key path in the legacy file. */
function legacyKeyPath(from: string): string[] {
  if (from === '(top level)') return [];
  const [section, ...rest] = from.split('/');
  if (section === 'request_parameters' && rest.length > 1) return [section, rest[0]!, rest.slice(1).join('/')];
  return rest.length ? [section!, rest.join('/')] : [section!];
}

function importProblems(plan: ImportPlan, r: Omit<ImportResult, 'problems'>, positions: JsonPositions): Problem[] {
  const fromOf = new Map(plan.targets.map((t) => [t.id, t.from]));
  const at = (from: string | undefined): ProblemLocation => ({
    file: r.file,
    ...(from !== undefined ? positions.locate(legacyKeyPath(from)) : {}),
  });
  return [
    ...r.diagnostics.map(fromDiagnostic),
    ...r.contradictions.map((c) => fromLegacyFinding(c.id, c.message, at(c.from))),
    ...r.staleCodeLines.map((c) => fromLegacyFinding(c.id, c.message, at(fromOf.get(c.id)))),
    ...r.anchorsDiffer.map((a) => fromLegacyAnchorDiffers(a, at(fromOf.get(a.id)))),
    ...plan.targets.filter((t) => !t.item).map((t) => fromLegacyOrphan(t.id, at(t.from))),
  ];
}

/** Adopts a legacy mapping into mapping.json (unless `dryRun`); returns what it read, placed and found. */
export async function importLegacy(file: string, opts: Omit<ImportOptions, 'json'> = {}): Promise<ImportResult> {
  const legacyPath = resolve(opts.cwd ?? process.cwd(), file);
  // Validated before the lock and the analysis: a wrong file is refused in milliseconds.
  const read = readLegacy(legacyPath, file);
  if (opts.dryRun) return importWith(read, legacyPath, file, opts);
  return withProjectLock(opts, () => importWith(read, legacyPath, file, opts));
}

async function importWith(
  { legacy, positions }: LegacyRead,
  legacyPath: string,
  file: string,
  opts: Omit<ImportOptions, 'json'>,
): Promise<ImportResult> {
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
  const anchorsDiffer = plan!.targets
    .filter((t) => t.anchorDiffers)
    .map((t) => ({ id: t.id, legacy: t.anchorDiffers!.legacy, spec: t.anchorDiffers!.spec ?? null }));
  const staleCodeLines = Object.entries(mapping.items).flatMap(([id, e]) =>
    (e.legacyFindings ?? []).filter((f) => f.startsWith('legacy code location')).map((message) => ({ id, message })),
  );
  if (!opts.dryRun) assertMappingUnchanged(mappingPath, mappingHash, config.mapping, 'specmap import');
  const written = opts.dryRun
    ? false
    : applyPlan(planWrites(root, [{ path: config.mapping, content: mappingText(mapping), producedBy: 'specmap import' }])).length > 0;
  const result = {
    file,
    read: plan!.read,
    placed,
    items: plan!.targets.filter((t) => t.item).length,
    orphans: plan!.targets.filter((t) => !t.item).map((t) => t.id),
    contradictions: contradictions(plan!, mapping),
    staleCodeLines,
    anchorsDiffer,
    mapping: config.mapping,
    written,
    dryRun: Boolean(opts.dryRun),
    summary: summaryLine(mapping),
    diagnostics,
  };
  return { ...result, problems: importProblems(plan!, result, positions) };
}
