/**
 * `specmap check`: drift findings for hooks and CI; writes nothing but its own cache (`fix` syncs
 * first). Returns the findings: the CLI formats them and picks the exit code.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { DEFAULT_CONFIG_FILE, loadConfig } from '../config/load.js';
import { UsageError } from '../diagnostics/errors.js';
import { notSyncedResult } from '../check/not-synced.js';
import { runCheck, type CheckResult } from '../check/run-check.js';
import { fromCheckFinding } from '../problems/from-check-finding.js';
import type { Problem } from '../problems/problem.js';
import type { SyncResult } from './sync.js';

export interface CheckCommandOptions {
  config?: string;
  cwd?: string;
  /** Check only what the files staged in git can affect. */
  staged?: boolean;
  /** `false`: ignore the memo of the last clean check. */
  cache?: boolean;
  /** Run `sync` first; its result is returned as `sync`. */
  fix?: boolean;
  /** Files a hook passes: only the parts of the check they can affect run. */
  files?: string[];
  allowOutside?: boolean;
}

export interface CheckCommandResult extends CheckResult {
  /** The findings as problems, in the same order (one per finding). */
  problems: Problem[];
  /** With `fix`: what the sync run before the check wrote. */
  sync?: SyncResult;
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

/**
 * A fix is a command to run; with another config file than the default, that command needs the
 * same `--config`, or it would fix a different project.
 */
function withConfigInFixes(result: CheckResult, configFile: string | undefined): CheckResult {
  if (!configFile || configFile === DEFAULT_CONFIG_FILE) return result;
  const flag = `--config ${/^[\w./-]+$/.test(configFile) ? configFile : JSON.stringify(configFile)}`;
  const fix = (text: string) => text.replace(/`?specmap (sync|generate|map|extract)\b/g, (m) => m.replace('specmap ', `specmap ${flag} `));
  return { ...result, findings: result.findings.map((f) => (f.fix ? { ...f, fix: fix(f.fix) } : f)) };
}

/** Drift findings; an error finding means drift (the CLI exits 1), warnings alone do not. */
export async function checkCommand(opts: CheckCommandOptions = {}): Promise<CheckCommandResult> {
  const cwd = opts.cwd ?? process.cwd();
  const sync = opts.fix
    ? await (await import('./sync.js')).syncCommand({ config: opts.config, cwd, allowOutside: opts.allowOutside })
    : undefined;
  const loaded = await loadConfig(opts.config, cwd, { allowOutside: opts.allowOutside });
  // A hook passes paths relative to where it runs; the check compares them from the config's folder.
  const files = opts.files?.length ? opts.files.map((f) => resolve(cwd, f)) : opts.staged ? stagedFiles(cwd) : undefined;
  const notSynced = notSyncedResult(loaded.config, loaded.root);
  // Anchors name a source by its id (its file name); the model says which file that is.
  const { sources, ...result } = notSynced
    ? { ...notSynced, sources: [] }
    : await runCheck({ config: loaded.config, root: loaded.root, configText: loaded.text, files, noCache: opts.cache === false });
  const fixed = withConfigInFixes(result, opts.config);
  const problems = fixed.findings.map((f) => fromCheckFinding(f, sources));
  return { ...fixed, problems, ...(sync && { sync }) };
}
