/**
 * `specmap verify TRACE…`: stream conformance of recorded event streams, judged against the reference
 * server's own baseline when one is configured; `--learn-baseline OUT` learns that baseline from
 * recordings instead. Returns data: the CLI prints it and picks the exit code.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { projectCacheDir } from '../cache/settings.js';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { InputError, UsageError } from '../diagnostics/errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import type { Model, SourceKind } from '../model/schema.js';
import { loadModelState } from '../pipeline/model.js';
import { fromVerifyFinding } from '../problems/from-verify-finding.js';
import type { Problem } from '../problems/problem.js';
import { profileText, type BaselineProfile } from '../verify/baseline.js';
import { DEFAULT_MAX_FINDINGS } from '../verify/findings.js';
import { escapeControl } from '../io/control-chars.js';
import { DEFAULT_MAX_LINE_LENGTH } from '../verify/input/lines.js';
import { formatFromName } from '../verify/input/open-trace.js';
import { resolveSeverities } from '../verify/severity.js';
import type { TraceFormat, VerifyReport } from '../verify/types.js';
import { learnBaseline, loadBaseline, verifyTraces } from '../verify/verify.js';

export interface VerifyCommandOptions {
  config?: string;
  input?: string;
  severity?: string[];
  sdk?: boolean;
  /** A recordings folder or a profile file; `false` (`--no-baseline`): none, whatever the config says. */
  baseline?: string | false;
  strictSource?: string;
  maxFindings?: string | number;
  maxLineLength?: string | number;
  /** Learn a baseline from the traces and write it here, instead of verifying them. */
  learnBaseline?: string;
  cwd?: string;
  /** Called before each trace (the CLI shows progress on a TTY). */
  onTrace?: (path: string, index: number, total: number) => void;
}

export type VerifyOutcome =
  | { kind: 'report'; report: VerifyReport; problems: Problem[] }
  | { kind: 'learned'; path: string; profile: BaselineProfile };

/** Sidecar requests (`<trace>.request.json`) sit beside traces; a glob over a folder must not verify them. */
function traceArguments(args: readonly string[]): string[] {
  return args.filter((a) => !a.endsWith('.request.json'));
}

/** A folder argument stands for the traces directly in it, by name. */
async function expandFolders(args: readonly string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    const isDir =
      arg !== '-' &&
      (await stat(resolve(cwd, arg)).then(
        (s) => s.isDirectory(),
        () => false,
      ));
    if (!isDir) {
      out.push(arg);
      continue;
    }
    const names = (await readdir(resolve(cwd, arg))).filter((n) => !n.endsWith('.request.json') && formatFromName(n)).sort();
    out.push(...names.map((n) => join(arg, n)));
  }
  return out;
}

function positiveInt(flag: string, value: string | number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`Found ${flag} ${escapeControl(String(value))}, expected a positive integer`);
  return n;
}

const KIND_OF: ReadonlyMap<string, SourceKind> = new Map([
  ['docs', 'openai-docs'],
  ['openapi', 'openapi'],
]);

/** The model from the configured sources, or from one kind of them (`--strict-source`), catalogs kept. */
async function modelFor(config: Config, root: string, strict: string | undefined): Promise<Model> {
  const state = await loadModelState(config, root);
  if (!strict) return state.model;
  const kind = KIND_OF.get(strict);
  if (!kind) throw new UsageError(`Found --strict-source ${escapeControl(strict)}, expected docs or openapi`);
  const keep = state.sources.filter((s) => s.info.kind === kind || s.info.kind === 'catalog');
  if (!keep.some((s) => s.info.kind === kind))
    throw new UsageError(`Found --strict-source ${strict} but no ${strict} source in the config, expected at least one`);
  if (keep.length === state.sources.length) return state.model;
  const { buildFromFiles } = await import('../sources/load.js');
  const model = await buildFromFiles(keep, config, state.diagnostics, { cacheDir: projectCacheDir(config, root) ?? false });
  if (hasErrors(state.diagnostics.items)) throw new InputError('cannot build the model from the sources', state.diagnostics.sorted());
  return model;
}

export async function verifyCommand(args: string[], opts: VerifyCommandOptions): Promise<VerifyOutcome> {
  const cwd = opts.cwd ?? process.cwd();
  const named = traceArguments(args);
  if (named.length === 0) throw new UsageError('Found no trace, expected one or more trace files, folders, or `-` for stdin');
  if (named.filter((t) => t === '-').length > 1) throw new UsageError('Found `-` more than once, expected stdin at most once');
  if (opts.input && opts.input !== 'sse' && opts.input !== 'jsonl')
    throw new UsageError(`Found --input ${escapeControl(opts.input)}, expected sse or jsonl`);
  const input = opts.input as TraceFormat | undefined;
  const { config, root } = await loadConfig(opts.config, cwd);
  // A config memo written before the `verify` block existed has none: the schema's defaults stand in.
  const settings: Config['verify'] = Object.assign(
    { maxFindings: DEFAULT_MAX_FINDINGS, maxLineLength: DEFAULT_MAX_LINE_LENGTH },
    config.verify,
  );
  const strict = opts.strictSource ?? settings.strictSource;
  const maxFindings = positiveInt('--max-findings', opts.maxFindings, settings.maxFindings);
  const maxLineLength = positiveInt('--max-line-length', opts.maxLineLength, settings.maxLineLength);
  const severities = resolveSeverities(config.check.severity, opts.severity ?? []);
  const model = await modelFor(config, root, strict);
  const traces = await expandFolders(named, cwd);
  const learnOptions = {
    objects: config.generate.zodObjects,
    maxLineLength,
    ...(input && { format: input }),
    ...(settings.profile && { profile: settings.profile, root }),
  };

  if (opts.learnBaseline) {
    if (traces.includes('-')) throw new UsageError('Found `-` with --learn-baseline, expected recordings as files or folders');
    const profile = await learnBaseline(
      traces.map((t) => resolve(cwd, t)),
      model,
      learnOptions,
    );
    const path = resolve(cwd, opts.learnBaseline);
    writeFileAtomic(path, profileText(profile));
    return { kind: 'learned', path: opts.learnBaseline, profile };
  }

  // A configured baseline is relative to the config file; one given on the command line, to the shell.
  const baselinePath =
    opts.baseline === false
      ? undefined
      : opts.baseline !== undefined
        ? resolve(cwd, opts.baseline)
        : settings.baseline !== undefined
          ? resolve(root, settings.baseline)
          : undefined;
  const baseline = baselinePath ? await loadBaseline(baselinePath, model, learnOptions) : undefined;
  if (baseline && opts.baseline) baseline.use.from = opts.baseline;
  else if (baseline && settings.baseline) baseline.use.from = settings.baseline;
  const report = await verifyTraces(traces, model, {
    severities,
    objects: config.generate.zodObjects,
    maxFindings,
    maxLineLength,
    ...(baseline && { baseline }),
    ...(settings.profile && { profile: settings.profile, root }),
    ...(input && { format: input }),
    ...(opts.sdk === false && { sdk: false }),
    ...(opts.onTrace && { onTrace: (path: string, i: number) => opts.onTrace!(path, i, traces.length) }),
    cwd,
  });
  // Kept findings by trace, then line: the order every format lists them in.
  return { kind: 'report', report, problems: report.traces.flatMap((t) => t.violations.map(fromVerifyFinding)) };
}
