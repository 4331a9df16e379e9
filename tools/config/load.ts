/**
 * Finds, reads and validates the config. Validation needs Zod (~70 ms to import, most of a warm
 * `check`'s budget in a pre-commit hook), so the validated config is memoised, keyed by its text
 * and the tool's code hash (tools/cache), in `.specmap/cache/config.json` beside the config file;
 * any other text, another specmap, or a missing or corrupt memo goes through the full validation
 * in parse.ts. `--no-cache` neither reads nor writes it.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { cacheEnabled } from '../cache/settings.js';
import { cacheKey, isObject, readSlot, writeSlot } from '../cache/store.js';
import { ConfigError } from '../diagnostics/errors.js';
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

/** The default cache folder: the memo is read before the config that may name another is validated. */
const MEMO_DIR = '.specmap/cache';
const MEMO_SLOT = 'config';

const isConfig = (v: unknown): v is Config =>
  isObject(v) && Array.isArray(v.sources) && typeof v.cacheDir === 'string' && Array.isArray(v.lanes);

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
        hint:
          basename(path) === DEFAULT_CONFIG_FILE ? 'run `specmap init` to write one, or pass --config <file>' : 'check the --config path',
      },
    ]);
  }
  const root = dirname(path);
  const memoDir = cacheEnabled() ? join(root, MEMO_DIR) : undefined;
  const key = memoDir && cacheKey('config', text);
  const cached = key ? readSlot(memoDir, MEMO_SLOT, key, isConfig) : undefined;
  if (cached) return { config: cached, path, root, text };
  const config = await parseConfigText(text, path);
  // Only a valid config gets here (parse.ts throws otherwise); a read-only checkout skips the write.
  if (key) writeSlot(memoDir, MEMO_SLOT, key, config, root);
  return { config, path, root, text };
}
