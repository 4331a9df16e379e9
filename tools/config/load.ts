/**
 * Finds, reads and validates the config. Validation needs Zod (~70 ms to import, most of a warm
 * `check`'s budget in a pre-commit hook), so the validated config is memoised by the hash of its
 * text and specmap's version in `.specmap/cache/config.json` beside the config file; any other
 * text, or a missing or corrupt memo, goes through the full validation in parse.ts.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ConfigError } from '../diagnostics/errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import type { Config } from './schema.js';
import { confineConfigPaths } from './confine-paths.js';

export const DEFAULT_CONFIG_FILE = 'specmap.config.json';

export interface LoadedConfig {
  config: Config;
  /** Absolute path of the config file. */
  path: string;
  /** Absolute folder every relative path in the config is resolved against. */
  root: string;
  /** The config file's text (fingerprints and memos key on it). */
  text: string;
}

/** Parses and validates config text; every problem becomes a diagnostic with file:line:col. */
export async function parseConfigText(text: string, file: string): Promise<Config> {
  return (await import('./parse.js')).parseConfigText(text, file);
}

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

function readMemo(memo: string, hash: string): Config | undefined {
  try {
    const cached = JSON.parse(readFileSync(memo, 'utf8')) as { hash?: string; config?: Config };
    return cached.hash === hash ? cached.config : undefined;
  } catch {
    return undefined;
  }
}

export interface LoadOptions {
  /** Allow a `workspace` outside the project (the CLI's `--allow-outside`); the file-count limit still applies. */
  allowOutside?: boolean;
}

let allowOutsideDefault = false;

/** The CLI sets this once from `--allow-outside`, so every command it runs loads the config alike. */
export function setAllowOutsideDefault(value: boolean): void {
  allowOutsideDefault = value;
}

export async function loadConfig(configPath: string | undefined, cwd = process.cwd(), options: LoadOptions = {}): Promise<LoadedConfig> {
  const loaded = await loadUnconfined(configPath, cwd);
  confineConfigPaths(loaded.config, loaded.root, loaded.path, loaded.text, options.allowOutside ?? allowOutsideDefault);
  return loaded;
}

async function loadUnconfined(configPath: string | undefined, cwd: string): Promise<LoadedConfig> {
  const path = resolve(cwd, configPath ?? DEFAULT_CONFIG_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ConfigError(`cannot read config ${path}`, [
      {
        severity: 'error',
        code: 'config-missing',
        file: path,
        line: 1,
        column: 1,
        message: `Missing config file \`${path}\`, expected a specmap config`,
        // The CLI always passes a path (its default is the default file), so judge by the name.
        hint: basename(path) === DEFAULT_CONFIG_FILE ? 'run `specmap init` to write one, or pass --config <file>' : 'check the --config path',
      },
    ]);
  }
  const root = dirname(path);
  const hash = createHash('sha256').update(`${VERSION}\0${text}`).digest('hex');
  const memo = join(root, '.specmap/cache/config.json');
  const cached = readMemo(memo, hash);
  if (cached) return { config: cached, path, root, text };
  const config = await parseConfigText(text, path);
  try {
    // The memo lives under the default cache folder even when cacheDir is configured elsewhere:
    // it is read before the config that names cacheDir is validated.
    writeFileAtomic(memo, JSON.stringify({ hash, config }) + '\n', { root });
  } catch {
    // A read-only checkout still works, only without the memo.
  }
  return { config, path, root, text };
}
