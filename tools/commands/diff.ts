/** `specmap diff OLD NEW`: the semantic change list between two versions of a source or model. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import type { Config, SourceConfig } from '../config/schema.js';
import { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { InputError } from '../diagnostics/errors.js';
import { diffModels, countByClass } from '../diff/diff-models.js';
import { FAIL_ON, failsOn, type FailOn } from '../diff/fail-on.js';
import { readSide } from '../diff/load-side.js';
import { restrictToSource } from '../diff/restrict.js';
import type { Change } from '../diff/change.js';
import { DEFAULT_DIFF_SCOPE, DIFF_SCOPES, inScopePath, type DiffScope } from '../diff/scope.js';
import type { Model } from '../model/schema.js';
import { fromDiffChange } from '../problems/from-diff-change.js';
import type { Problem } from '../problems/problem.js';
import type { SkippedPath } from '../sources/source-extract.js';
import { pickOption } from '../io/pick-option.js';

export interface DiffCommandOptions {
  failOn?: string;
  scope?: string;
  /** OpenAPI sources: the server path prefix (default: the config's setting for that file, if any). */
  pathPrefix?: string;
  /** `false`: do not use the project's parse cache. */
  cache?: boolean;
  /** OpenAPI: also compare the paths the reader skips (`/responses?beta=true`). */
  includeSkipped?: boolean;
  config?: string;
  cwd?: string;
}

interface Project {
  config?: Config;
  root: string;
}

/** The project's config when there is one in reach: it says how a source is read and where the cache lives. */
async function project(opts: DiffCommandOptions, cwd: string): Promise<Project> {
  const configPath = resolve(cwd, opts.config ?? 'specmap.config.json');
  if (!existsSync(configPath)) return { root: cwd };
  const { config, root } = await loadConfig(configPath, cwd);
  return { config, root };
}

/** The config's settings for a file given on the command line, so it is read as `extract` reads it. */
function sourceSettings(arg: string, opts: DiffCommandOptions, cwd: string, p: Project): Partial<SourceConfig> {
  const fromFlag = opts.pathPrefix !== undefined ? { pathPrefix: opts.pathPrefix } : {};
  const match = p.config?.sources.find((s) => resolve(p.root, s.path) === resolve(cwd, arg));
  const { path: _path, ...rest } = match ?? { path: '' };
  return { ...rest, ...fromFlag };
}

export interface DiffResult {
  old: string;
  new: string;
  scope: string;
  failOn: string;
  summary: Record<Change['class'], number>;
  changes: Change[];
  /**
   * Paths each side's reader saw in scope and left out (`/responses?beta=true`), so not compared;
   * empty when `--include-skipped` read them.
   */
  skipped: { old: SkippedPath[]; new: SkippedPath[] };
  /** The changes as problems, in the same order (one per change). */
  problems: Problem[];
}

export interface DiffOutcome {
  result: DiffResult;
  oldModel: Model;
  newModel: Model;
}

/** Programmatic `diff`: reads both sides, returns the changes; throws InputError with diagnostics. */
export async function diffFiles(oldArg: string, newArg: string, opts: DiffCommandOptions = {}): Promise<DiffOutcome> {
  const cwd = opts.cwd ?? process.cwd();
  const scope = pickOption<DiffScope>('--scope', opts.scope, DIFF_SCOPES, DEFAULT_DIFF_SCOPE);
  const failOn = pickOption<FailOn>('--fail-on', opts.failOn, FAIL_ON, 'breaking');
  const bag = new DiagnosticBag();
  const p = await project(opts, cwd);
  // Parsed OpenAPI extracts are cached by content hash in the project's cache (tools/cache).
  const cacheDir = p.config && opts.cache !== false ? resolve(p.root, p.config.cacheDir) : undefined;
  const includeSkipped = opts.includeSkipped === true;
  const oldSide = await readSide(oldArg, { cwd, cacheDir, includeSkipped, source: sourceSettings(oldArg, opts, cwd, p) }, bag);
  const newSide = await readSide(newArg, { cwd, cacheDir, includeSkipped, source: sourceSettings(newArg, opts, cwd, p) }, bag);
  if (!oldSide || !newSide || bag.items.some((d) => d.severity === 'error')) {
    throw new InputError('diff failed', bag.sorted());
  }
  // A model against one source: compare only what that source contributed to the model.
  const oldModel = newSide.sourceId && !oldSide.sourceId ? restrictToSource(oldSide.model, newSide.sourceId) : oldSide.model;
  const newModel = oldSide.sourceId && !newSide.sourceId ? restrictToSource(newSide.model, oldSide.sourceId) : newSide.model;
  const changes = diffModels(oldModel, newModel, { scope });
  const skipped = {
    old: oldSide.skipped.filter((x) => inScopePath(x.path, scope)),
    new: newSide.skipped.filter((x) => inScopePath(x.path, scope)),
  };
  const problems = changes.map((c) => fromDiffChange(c, oldModel.sources, newModel.sources));
  return {
    result: { old: oldArg, new: newArg, scope, failOn, summary: countByClass(changes), changes, skipped, problems },
    oldModel,
    newModel,
  };
}

export interface DiffRun {
  result: DiffResult;
  /** A change at or above `--fail-on` exists. */
  fails: boolean;
}

/** `diff` as the CLI runs it: the result and whether it fails. Prints nothing. */
export async function runDiff(oldArg: string, newArg: string, opts: DiffCommandOptions): Promise<DiffRun> {
  const { result } = await diffFiles(oldArg, newArg, opts);
  return { result, fails: failsOn(result.changes, result.failOn as FailOn) };
}
