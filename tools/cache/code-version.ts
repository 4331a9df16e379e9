/**
 * A fingerprint of the code that produced a cached extract: the reader's own folder and the
 * model folder, hashed from the running files. Any change to that code (a rebuild, an edit under
 * tsx) gives new keys, so a stale entry is never served; no version number to forget to bump.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const memo = new Map<string, string>();

export function codeVersion(folders: readonly string[]): string {
  const key = folders.join('\n');
  const hit = memo.get(key);
  if (hit) return hit;
  const hash = createHash('sha256');
  for (const folder of folders) {
    const dir = fileURLToPath(new URL(folder, import.meta.url));
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((n) => /\.(js|ts)$/.test(n) && !/\.test\.ts$/.test(n)).sort();
    } catch {
      // A missing folder (unusual layouts) still gives a stable key.
    }
    for (const name of names) hash.update(`${folder}${name}\n`).update(readFileSync(`${dir}/${name}`));
  }
  const version = hash.digest('hex').slice(0, 16);
  memo.set(key, version);
  return version;
}
