/**
 * Where the bundled profile data lives: `profiles/` at the package root, shipped beside `dist/`.
 * Both `tools/profiles/` (tests, tsx) and `dist/profiles/` (the built package) sit
 * two levels below that root, so one relative URL serves both.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BUNDLED_PROFILES_DIR = fileURLToPath(new URL('../../profiles/', import.meta.url));

/** The names of the bundled profiles in a folder of profiles/ (`''` for the top), sorted: the order detection tries them. */
export function listBundled(folder = ''): string[] {
  return readdirSync(BUNDLED_PROFILES_DIR + folder)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** One bundled JSON file, parsed; a missing or broken file is a packaging bug, so it throws. */
export function readBundledJson(rel: string): unknown {
  return JSON.parse(readFileSync(BUNDLED_PROFILES_DIR + rel, 'utf8')) as unknown;
}
