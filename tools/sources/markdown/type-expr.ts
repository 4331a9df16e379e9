/**
 * Type words of the scraped docs (`string`, `integer or null`, `string or object`, `array`,
 * `map`) → a TypeExpr. `null` among the variants becomes `nullable`; an unknown word is reported.
 */
import type { TypeExpr } from '../../model/schema.js';
import { getOwn } from '../../model/own.js';

const WORDS: Record<string, TypeExpr> = {
  string: { kind: 'string' },
  integer: { kind: 'integer' },
  number: { kind: 'number' },
  boolean: { kind: 'boolean' },
  object: { kind: 'object' },
  array: { kind: 'array' },
  map: { kind: 'map' },
  null: { kind: 'null' },
};

export const TYPE_WORDS = Object.keys(WORDS);

export interface ParsedType {
  type: TypeExpr;
  nullable: boolean;
  /** Words that are not type words, in order. */
  unknown: string[];
}

function parseOne(word: string, unknown: string[]): TypeExpr {
  const arrayOf = /^array of (.+)$/.exec(word);
  if (arrayOf) return { kind: 'array', items: parseOne(arrayOf[1]!, unknown) };
  const known = getOwn(WORDS, word);
  if (known) return structuredClone(known);
  unknown.push(word);
  return { kind: 'unknown' };
}

export function parseTypeWords(text: string): ParsedType {
  const unknown: string[] = [];
  const words = text
    .trim()
    .toLowerCase()
    .split(/\s+or\s+|\s*,\s*|\s*\|\s*/)
    .filter(Boolean);
  const variants = words.map((w) => parseOne(w, unknown));
  const nonNull = variants.filter((v) => v.kind !== 'null');
  const nullable = nonNull.length < variants.length;
  const type: TypeExpr =
    nonNull.length === 0 ? { kind: 'null' } : nonNull.length === 1 ? nonNull[0]! : { kind: 'union', variants: nonNull };
  return { type, nullable, unknown };
}

/** Whether a paragraph reads like a type line at all: a few lowercase words joined by `or`. */
export function looksLikeTypeLine(text: string): boolean {
  return /^[a-z][a-z ]{0,40}$/.test(text) && text.split(/\s+/).length <= 7 && !/[.]/.test(text);
}
