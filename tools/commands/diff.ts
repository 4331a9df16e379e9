/** `specmap diff OLD NEW`: the semantic change list between two versions of a source or model. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import type { SourceConfig } from '../config/schema.js';
import { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { EXIT, InputError, UsageError } from '../diagnostics/errors.js';
import { diffModels, countByClass } from '../diff/diff-models.js';
import { FAIL_ON, failsOn, type FailOn } from '../diff/fail-on.js';
import { loadSide } from '../diff/load-side.js';
import { formatReport, REPORT_FORMATS, type ReportFormat } from '../diff/reporters/index.js';
import { DIFF_SCOPES, type DiffScope } from '../diff/scope.js';
import { diffReport, type DiffResult } from '../diff/to-report.js';
import type { Model } from '../model/schema.js';

export interface DiffCommandOptions {
  format?: string;
  failOn?: string;
  scope?: string;
  /** OpenAPI sources: the server path prefix (default: the config's setting for that file, if any). */
  pathPrefix?: string;
  json?: boolean;
  config?: string;
  cwd?: string;
}

export function pickOption<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`Unexpected ${name} \`${value}\`, expected one of ${allowed.join(', ')}`);
}

/** The config's settings for a file given on the command line, so it is read as `extract` reads it. */
async function sourceSettings(arg: string, opts: DiffCommandOptions, cwd: string): Promise<Partial<SourceConfig>> {
  const fromFlag = opts.pathPrefix !== undefined ? { pathPrefix: opts.pathPrefix } : {};
  const configPath = resolve(cwd, opts.config ?? 'specmap.config.json');
  if (!existsSync(configPath)) return fromFlag;
  const { config, root } = await loadConfig(configPath, cwd);
  const match = config.sources.find((s) => resolve(root, s.path) === resolve(cwd, arg));
  const { path: _path, ...rest } = match ?? { path: '' };
  return { ...rest, ...fromFlag };
}

export interface DiffOutcome {
  result: DiffResult;
  oldModel: Model;
  newModel: Model;
}

/** Programmatic `diff`: reads both sides, returns the changes; throws InputError with diagnostics. */
export async function diffFiles(oldArg: string, newArg: string, opts: DiffCommandOptions = {}): Promise<DiffOutcome> {
  const cwd = opts.cwd ?? process.cwd();
  const scope = pickOption<DiffScope>('--scope', opts.scope, DIFF_SCOPES, 'responses');
  const failOn = pickOption<FailOn>('--fail-on', opts.failOn, FAIL_ON, 'breaking');
  const bag = new DiagnosticBag();
  const oldModel = await loadSide(oldArg, { cwd, source: await sourceSettings(oldArg, opts, cwd) }, bag);
  const newModel = await loadSide(newArg, { cwd, source: await sourceSettings(newArg, opts, cwd) }, bag);
  if (!oldModel || !newModel || bag.items.some((d) => d.severity === 'error')) {
    throw new InputError('diff failed', bag.sorted());
  }
  const changes = diffModels(oldModel, newModel, { scope });
  return { result: { old: oldArg, new: newArg, scope, failOn, summary: countByClass(changes), changes }, oldModel, newModel };
}

export async function runDiff(oldArg: string, newArg: string, opts: DiffCommandOptions): Promise<number> {
  const format = opts.json ? 'json' : pickOption<ReportFormat>('--format', opts.format, REPORT_FORMATS, 'pretty');
  const { result, oldModel, newModel } = await diffFiles(oldArg, newArg, opts);
  process.stdout.write(formatReport(diffReport(result, oldModel.sources, newModel.sources), format));
  return failsOn(result.changes, result.failOn as FailOn) ? EXIT.findings : EXIT.clean;
}
