/**
 * The one switch for every cache (`--no-cache`): when it is off, no command reads or writes
 * anything under the cache folder, so a run shows what the tool computes from scratch.
 */
import { resolve } from 'node:path';

let enabled = true;

/** The CLI sets this once from `--no-cache`, before any command body runs. */
export function setCacheEnabled(value: boolean): void {
  enabled = value;
}

export function cacheEnabled(): boolean {
  return enabled;
}

/** The project's cache folder (config `cacheDir`, relative to the config folder), or none with `--no-cache`. */
export function projectCacheDir(config: { cacheDir: string }, root: string): string | undefined {
  return enabled ? resolve(root, config.cacheDir) : undefined;
}
