/** `specmap check`: drift findings for hooks and CI; writes nothing (except its own cache). */
import { execFileSync } from 'node:child_process';
import { DEFAULT_CONFIG_FILE, loadConfig } from '../config/load.js';
import { EXIT, UsageError } from '../diagnostics/errors.js';
import { notSyncedResult } from '../check/not-synced.js';
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
  allowOutside?: boolean;
}

/** Paths staged for commit, as git reports them (relative to the repository root). */
function stagedFiles(cwd: string): string[] {
  const git = (args: string[]) => {
    try {
      return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      // Not a repository, or no git at all: the user's setup, not a bug.
      const e = error as NodeJS.ErrnoException & { stderr?: string };
      const why =
        e.code === 'ENOENT'
          ? 'git is not installed or not on PATH'
          : String(e.stderr ?? e.message)
              .trim()
              .split('\n')[0];
      throw new UsageError(`--staged needs a git repository: ${why}`, [
        {
          severity: 'error',
          code: 'staged-outside-git',
          file: cwd,
          line: 1,
          column: 1,
          message: `Found \`git ${args.join(' ')}\` failing in \`${cwd}\` (${why}), expected a git working tree`,
          hint: 'run `specmap check --staged` inside a git repository, or drop --staged (or pass the files to check)',
        },
      ]);
    }
  };
  const top = git(['rev-parse', '--show-toplevel']).trim();
  const out = git(['diff', '--cached', '--name-only', '-z']);
  return out
    .split('\0')
    .filter(Boolean)
    .map((p) => `${top}/${p}`);
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

/**
 * A fix is a command to run; with another config file than the default, that command needs the
 * same `--config`, or it would fix a different project.
 */
export function withConfigInFixes(result: CheckResult, configFile: string | undefined): CheckResult {
  if (!configFile || configFile === DEFAULT_CONFIG_FILE) return result;
  const flag = `--config ${/^[\w./-]+$/.test(configFile) ? configFile : JSON.stringify(configFile)}`;
  const fix = (text: string) => text.replace(/`?specmap (sync|generate|map|extract)\b/g, (m) => m.replace('specmap ', `specmap ${flag} `));
  return { ...result, findings: result.findings.map((f) => (f.fix ? { ...f, fix: fix(f.fix) } : f)) };
}

export async function runCheckCommand(opts: CheckCommandOptions): Promise<number> {
  const cwd = opts.cwd ?? process.cwd();
  const formatName = opts.format ?? (opts.json ? 'json' : 'pretty');
  if (opts.fix) {
    const { runSync } = await import('./sync.js');
    const code = await runSync({ config: opts.config, cwd, json: opts.json, allowOutside: opts.allowOutside });
    if (code !== EXIT.clean) return code;
  }
  const loaded = await loadConfig(opts.config, cwd, { allowOutside: opts.allowOutside });
  const files = opts.files?.length ? opts.files : opts.staged ? stagedFiles(cwd) : undefined;
  const result =
    notSyncedResult(loaded.config, loaded.root) ??
    (await runCheck({
      config: loaded.config,
      root: loaded.root,
      configText: loaded.text,
      files,
      noCache: opts.cache === false,
    }));
  process.stdout.write(await format(withConfigInFixes(result, opts.config), formatName));
  return result.findings.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.clean;
}
