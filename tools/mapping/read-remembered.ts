/**
 * mapping.json read through a memo of its validation. Validating it against its schema means loading
 * Zod and building the schema (~40 ms in a fresh process), then the schema's parse and the scan for
 * duplicate keys: every run that reads the mapping paid that although the file seldom changes
 * between two runs. The memo holds the validated mapping for the sha256 of the file's bytes and the
 * tool's code (the cache's key), with the digest of its own JSON, so that an entry edited by hand
 * is a miss like a corrupt one. A file that does not validate is never remembered: its errors come
 * from the full read every time.
 */
import { cacheKey, isObject, readSlot, writeSlot } from '../cache/store.js';
import type { Mapping } from './schema.js';
import { hashMappingText, type MappingSnapshot, readTextIfExists } from './text.js';

const SLOT = 'mapping-read';

interface Remembered {
  /** sha256 of `JSON.stringify(mapping)` as stored. */
  digest: string;
  mapping: Mapping;
}

const isRemembered = (v: unknown): v is Remembered => isObject(v) && typeof v.digest === 'string' && isObject(v.mapping);

/** As `readMappingSnapshot` (read.ts), answered from the cache folder when these bytes validated before. */
export async function readMappingSnapshotRemembered(path: string, display: string, cacheDir: string | undefined): Promise<MappingSnapshot> {
  const text = readTextIfExists(path);
  const hash = hashMappingText(text);
  if (text === undefined) return { mapping: undefined, hash };
  const key = cacheKey(SLOT, hash);
  const hit = readSlot(cacheDir, SLOT, key, isRemembered);
  if (hit && hashMappingText(JSON.stringify(hit.mapping)) === hit.digest) return { mapping: hit.mapping, hash };
  const { parseMapping } = await import('./read.js');
  const mapping = parseMapping(text, display);
  // Written before the mapping is handed on (a caller may change it).
  writeSlot(cacheDir, SLOT, key, { digest: hashMappingText(JSON.stringify(mapping)), mapping } satisfies Remembered);
  return { mapping, hash };
}
