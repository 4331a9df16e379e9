/**
 * Config loading for the hook path. Validating the config needs Zod (~70 ms to import, most of a
 * warm check's budget), so the validated config is memoised by the hash of its text in
 * `.specmap/cache/config.json` beside the config file. Any other text, or a missing or corrupt
 * memo, goes through the full validation in config/load.ts.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { writeFileAtomic } from '../io/atomic.js';

const MEMO_VERSION = 1;

export async function loadConfigMemo(configPath: string | undefined, cwd = process.cwd()): Promise<LoadedConfig & { text: string }> {
  const path = resolve(cwd, configPath ?? 'specmap.config.json');
  let text: string | undefined;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    text = undefined;
  }
  const memo = join(dirname(path), '.specmap/cache/config.json');
  if (text !== undefined) {
    const hash = createHash('sha256').update(`${MEMO_VERSION}\0${text}`).digest('hex');
    try {
      const cached = JSON.parse(readFileSync(memo, 'utf8')) as { hash: string; config: Config };
      if (cached.hash === hash) return { config: cached.config, path, root: dirname(path), text };
    } catch {
      // No memo yet, or a corrupt one: validate below.
    }
    const { loadConfig } = await import('../config/load.js');
    const loaded = await loadConfig(configPath, cwd);
    writeFileAtomic(memo, JSON.stringify({ hash, config: loaded.config }) + '\n');
    return { ...loaded, text };
  }
  const { loadConfig } = await import('../config/load.js');
  return { ...(await loadConfig(configPath, cwd)), text: '' };
}
