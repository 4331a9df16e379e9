/** `specmap verify TRACE…`: stream conformance of recorded event streams (issue 7). */
import { loadConfig } from '../config/load.js';
import { EXIT, UsageError } from '../diagnostics/errors.js';
import { createProgress, progressEnabled } from '../cli/progress.js';
import { loadModelState } from '../pipeline/model.js';
import { formatGithub } from '../verify/format/github.js';
import { formatJson } from '../verify/format/json.js';
import { formatPretty } from '../verify/format/pretty.js';
import { resolveSeverities } from '../verify/severity.js';
import type { TraceFormat, VerifyReport } from '../verify/types.js';
import { verifyTraces } from '../verify/verify.js';

export interface VerifyCommandOptions {
  config?: string;
  json?: boolean;
  format?: 'pretty' | 'json' | 'github';
  input?: TraceFormat;
  severity?: string[];
  sdk?: boolean;
  cwd?: string;
}

const FORMATTERS = { pretty: formatPretty, json: formatJson, github: formatGithub } as const;

export function verifyExitCode(report: VerifyReport): number {
  return report.summary.errors > 0 ? EXIT.findings : EXIT.clean;
}

/** Sidecar requests (`<trace>.request.json`) sit beside traces; a glob over a folder must not verify them. */
export function traceArguments(args: readonly string[]): string[] {
  return args.filter((a) => !a.endsWith('.request.json'));
}

export async function runVerify(args: string[], opts: VerifyCommandOptions): Promise<number> {
  const traces = traceArguments(args);
  if (traces.length === 0) throw new UsageError('Found no trace, expected one or more trace files or `-` for stdin');
  if (traces.filter((t) => t === '-').length > 1) throw new UsageError('Found `-` more than once, expected stdin at most once');
  const format = opts.json ? 'json' : (opts.format ?? 'pretty');
  if (!(format in FORMATTERS)) throw new UsageError(`Found --format ${format}, expected pretty, json or github`);
  if (opts.input && opts.input !== 'sse' && opts.input !== 'jsonl') throw new UsageError(`Found --input ${opts.input}, expected sse or jsonl`);
  const { config, root } = await loadConfig(opts.config, opts.cwd);
  const severities = resolveSeverities(config.check.severity, opts.severity ?? []);
  const { model } = await loadModelState(config, root);
  const progress = createProgress(progressEnabled(format !== 'pretty'));
  const report = await verifyTraces(traces, model, {
    severities,
    objects: config.generate.zodObjects,
    ...(opts.input && { format: opts.input }),
    ...(opts.sdk === false && { sdk: false }),
    onTrace: (path, i) => progress.step(`verify ${i + 1}/${traces.length} ${path}`),
  });
  progress.done();
  process.stdout.write(FORMATTERS[format](report));
  return verifyExitCode(report);
}
