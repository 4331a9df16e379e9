/**
 * mapping.json's bytes, apart from its schema: reading them, hashing them for a compare-before-write
 * (a write goes ahead only if the file still has the bytes read), without loading Zod.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Mapping } from './schema.js';

export interface MappingSnapshot {
  mapping: Mapping | undefined;
  /** Hash of the bytes read ('' for no file): a write goes ahead only if the file still has them. */
  hash: string;
}

export function hashMappingText(text: string | undefined): string {
  return text === undefined ? '' : createHash('sha256').update(text).digest('hex');
}

export function readTextIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The hash of the mapping's bytes on disk now ('' for no file). */
export function currentMappingHash(path: string): string {
  return hashMappingText(readTextIfExists(path));
}
