/**
 * Reads the mapping.json on disk. Its manual blocks are human words, so a file that does not parse
 * or does not fit the schema stops the run (exit 2, nothing written) rather than being replaced.
 */
import { positionAt, scanJsonPositions } from '../io/json-positions.js';
import { InputError } from '../diagnostics/errors.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { MappingSchema, type Manual, type Mapping } from './schema.js';
import { hashMappingText, type MappingSnapshot, readTextIfExists } from './text.js';

export { currentMappingHash, hashMappingText, type MappingSnapshot } from './text.js';

interface RawMapping {
  items: Record<string, { manual?: Manual }>;
  orphans: Record<string, { manual: Manual }>;
}

/**
 * Zod's output puts a loose object's known keys first; manual blocks must come back exactly as the
 * human wrote them (key order included), so they are taken from the raw JSON after validation.
 */
function withRawManual(mapping: Mapping, raw: RawMapping): Mapping {
  for (const [id, entry] of Object.entries(mapping.items)) {
    const manual = raw.items[id]?.manual;
    if (manual) entry.manual = manual;
  }
  for (const [id, orphan] of Object.entries(mapping.orphans)) orphan.manual = raw.orphans[id]!.manual;
  return mapping;
}

/** Parses mapping text; `file` is only for messages. */
export function parseMapping(text: string, file: string): Mapping {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const m = /position (\d+)/.exec(String(error));
    throw new InputError(`cannot read ${file}`, [
      {
        severity: 'error',
        code: 'mapping-invalid-json',
        file,
        ...(m ? positionAt(text, Number(m[1])) : { line: 1, column: 1 }),
        message: `Unexpected text in ${file}: ${(error as Error).message}, expected valid JSON`,
        hint: 'fix the JSON by hand (specmap never overwrites a mapping it cannot read, to keep the manual blocks)',
      },
    ]);
  }
  // JSON.parse keeps the last of two equal keys: a merge that left an item twice would lose the
  // first one's manual block without a word, and the next write would make that final.
  const positions = scanJsonPositions(text);
  if (positions.duplicates.length) {
    throw new InputError(
      `${file} has duplicate keys`,
      positions.duplicates.map((d) => {
        const where = d.path.length ? ` in \`${d.path.join('.')}\`` : '';
        return {
          severity: 'error' as const,
          code: 'mapping-duplicate-key',
          file,
          ...d.second,
          message: `Found key \`${d.key}\`${where} a second time (first at ${file}:${d.first.line}:${d.first.column}), expected each key once`,
          hint: 'merge the two entries by hand (keep the manual words of both), then run specmap again',
        };
      }),
    );
  }
  const result = MappingSchema.safeParse(raw);
  if (result.success) return withRawManual(result.data, raw as RawMapping);
  const diagnostics: Diagnostic[] = result.error.issues.slice(0, 20).map((issue) => ({
    severity: 'error',
    code: 'mapping-invalid',
    file,
    ...positions.locate(issue.path.map((p) => (typeof p === 'number' ? p : String(p)))),
    message: `${issue.message} at \`${issue.path.join('.') || '(root)'}\``,
    hint: 'fix the entry by hand; manual blocks may hold any keys, everything else is written by `specmap map`',
  }));
  throw new InputError(`${file} does not match the mapping schema`, diagnostics);
}

/** The mapping on disk with the hash of its bytes, for a compare-before-write. */
export function readMappingSnapshot(path: string, display = path): MappingSnapshot {
  const text = readTextIfExists(path);
  return { mapping: text === undefined ? undefined : parseMapping(text, display), hash: hashMappingText(text) };
}

/** The mapping on disk, or undefined when there is none yet. */
export function readMappingFile(path: string, display = path): Mapping | undefined {
  return readMappingSnapshot(path, display).mapping;
}
