/**
 * The cache layer under the config's `cacheDir` (`.specmap/cache/` by default). Each thing cached
 * has one slot (one JSON file: `model.json`, `sources/<id>.json`, `check-state.json`, …) holding
 * the key it was computed for and the value. The key is a hash of every input the value depends
 * on and of the tool's own code (tool-hash.ts), so a slot only ever answers for exactly the
 * inputs and code that wrote it; anything else (another key, truncated or hand-edited text, a
 * value of the wrong shape) is a miss, and the next write replaces it. One slot per thing keeps
 * the folder from growing with every version of a source.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/atomic.js';
import { toolCodeHash } from './tool-hash.js';

/** Marks a file as a specmap cache entry (a foreign JSON file in the folder is never taken for one). */
const ENTRY_TAG = 'specmap-cache-entry';

interface Entry<T> {
  tag: typeof ENTRY_TAG;
  key: string;
  value: T;
}

/** A key for `parts` (anything JSON can hold) under the running tool's code. */
export function cacheKey(...parts: unknown[]): string {
  return createHash('sha256').update(toolCodeHash()).update('\0').update(JSON.stringify(parts)).digest('hex');
}

/** A slot name safe as a file name: `[A-Za-z0-9._-]`, other characters percent-style encoded. */
export function slotName(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, (c) => `~${c.codePointAt(0)!.toString(16)}`).replace(/^\./, '~2e');
}

export function slotPath(cacheDir: string, slot: string): string {
  return join(cacheDir, `${slot}.json`);
}

/**
 * The value in `slot` when it was written for `key` and passes `isValid`; otherwise undefined.
 * Never throws: an unreadable or corrupt slot is a miss.
 */
export function readSlot<T>(
  cacheDir: string | undefined,
  slot: string,
  key: string,
  isValid: (value: unknown) => value is T,
): T | undefined {
  if (!cacheDir) return undefined;
  try {
    const entry = JSON.parse(readFileSync(slotPath(cacheDir, slot), 'utf8')) as Partial<Entry<unknown>> | null;
    if (!entry || entry.tag !== ENTRY_TAG || entry.key !== key) return undefined;
    return isValid(entry.value) ? entry.value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Stores `value` for `key` in `slot`, atomically. A read-only or full disk only costs the next run
 * its speed-up. With `root`, a slot whose real path leaves the project is not written.
 */
export function writeSlot(cacheDir: string | undefined, slot: string, key: string, value: unknown, root?: string): void {
  if (!cacheDir) return;
  try {
    writeFileAtomic(
      slotPath(cacheDir, slot),
      JSON.stringify({ tag: ENTRY_TAG, key, value } satisfies Entry<unknown>),
      root ? { root } : {},
    );
  } catch {
    // Whatever stopped the write (a read-only checkout, a full disk, a refused path) leaves the
    // previous entry or none: the next run computes again, which is always right.
  }
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
