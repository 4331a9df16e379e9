import { readFileSync } from 'node:fs';

let version: string | undefined;

/** specmap's own version, read once from its package.json (dist/cli → the package root). */
export function specmapVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return version;
}
