/** `specmap check`: drift findings for hooks and CI; writes nothing (except its own cache). */
import { execFileSync } from 'node:child_process';
import { loadConfig } from '../config/load.js';
import { EXIT, UsageError } from '../diagnostics/errors.js';
import { runCheck, type CheckResult } from '../check/run-check.js';

export interface CheckCommandOptions {
  config?: string;
  cwd?: string;
  json?: boolean;
  format?: string;
  staged?: boolean;
  cache?: boolean;
  fix?: boolean;
  files?: string[];
}

/** Paths staged for commit, as git reports them (relative to the repository root). */
function stagedFiles(cwd: string): string[] {
  const top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd, encoding: 'utf8' }).trim();
  const out = execFileSync('git', ['diff', '--cached', '--name-only', '-z'], { cwd, encoding: 'utf8' });
  return out.split('\0').filter(Boolean).map((p) => `${top}/${p}`);
}

async function format(result: CheckResult, name: string): Promise<string> {
  switch (name) {
    case 'pretty':
      return (await import('../check/format/pretty.js')).formatPretty(result);
    case 'json':
      return (await import('../check/format/json.js')).formatJson(result);
    case 'github':
      return (await import('../check/format/github.js')).formatGithub(result);
    default:
      throw new UsageError(`unknown --format ${name}, expected pretty, json or github`);
  }
}

export async function runCheckCommand(opts: CheckCommandOptions): Promise<number> {
  const cwd = opts.cwd ?? process.cwd();
  const formatName = opts.format ?? (opts.json ? 'json' : 'pretty');
  if (opts.fix) {
    const { runSync } = await import('./sync.js');
    const code = await runSync({ config: opts.config, cwd, json: opts.json });
    if (code !== EXIT.clean) return code;
  }
  const loaded = await loadConfig(opts.config, cwd);
  const files = opts.files?.length ? opts.files : opts.staged ? stagedFiles(cwd) : undefined;
  const result = await runCheck({
    config: loaded.config,
    root: loaded.root,
    configText: loaded.text,
    files,
    noCache: opts.cache === false,
  });
  process.stdout.write(await format(result, formatName));
  return result.findings.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.clean;
}
