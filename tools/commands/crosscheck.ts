/**
 * `specmap crosscheck`: where the configured sources (docs + OpenAPI) disagree, as data. The CLI
 * exits 1 when there is any finding (a disagreement is something to fix or to accept knowingly),
 * 0 when none, 2 on error. Sources: the config's, or `--source` files instead.
 */
import { resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import { ConfigSchema, type Config } from '../config/schema.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { InputError } from '../diagnostics/errors.js';
import { crosscheck } from '../crosscheck/crosscheck.js';
import { countByKind } from '../crosscheck/describe.js';
import type { Finding } from '../crosscheck/finding.js';
import { DEFAULT_DIFF_SCOPE, DIFF_SCOPES, type DiffScope } from '../diff/scope.js';
import type { Model } from '../model/schema.js';
import { fromCrosscheckFinding } from '../problems/from-crosscheck-finding.js';
import type { Problem } from '../problems/problem.js';
import { buildModel } from '../sources/load.js';
import { pickOption } from '../io/pick-option.js';

export interface CrosscheckCommandOptions {
  scope?: string;
  /** Source files to compare instead of the config's (repeatable on the CLI). */
  source?: string[];
  /** OpenAPI sources given with `--source`: the server path prefix (default `/v1`). */
  pathPrefix?: string;
  /** `false`: do not use the parse cache. */
  cache?: boolean;
  config?: string;
  cwd?: string;
}

async function configFor(opts: CrosscheckCommandOptions, cwd: string): Promise<{ config: Config; root: string }> {
  if (!opts.source?.length) return loadConfig(opts.config, cwd);
  const prefix = opts.pathPrefix ?? '/v1';
  const sources = opts.source.map((path) => (/\.(ya?ml|json)$/i.test(path) ? { path, pathPrefix: prefix } : { path }));
  return { config: ConfigSchema.parse({ sources }), root: cwd };
}

export interface CrosscheckResult {
  sources: string[];
  scope: string;
  summary: Record<string, number>;
  findings: Finding[];
  /** The findings as problems, in the same order (one per finding). */
  problems: Problem[];
}

export interface CrosscheckOutcome {
  result: CrosscheckResult;
  model: Model;
}

/** Programmatic `crosscheck`: builds the merged model and lists the findings; throws InputError with diagnostics. */
export async function crosscheckSources(opts: CrosscheckCommandOptions = {}): Promise<CrosscheckOutcome> {
  const cwd = opts.cwd ?? process.cwd();
  const scope = pickOption<DiffScope>('--scope', opts.scope, DIFF_SCOPES, DEFAULT_DIFF_SCOPE);
  const { config, root } = await configFor(opts, cwd);
  // Parsed OpenAPI extracts are cached by content hash under the config's cacheDir (tools/cache).
  const { model, diagnostics } = await buildModel(config, root, {
    cacheDir: opts.cache === false ? false : resolve(root, config.cacheDir),
  });
  const all = diagnostics.sorted();
  if (hasErrors(all)) throw new InputError('crosscheck failed', all);
  const findings = crosscheck(model, { scope });
  const problems = findings.map((f) => fromCrosscheckFinding(f, model.sources));
  return { result: { sources: model.sources.map((s) => s.id), scope, summary: countByKind(findings), findings, problems }, model };
}
