/**
 * Property: whatever a broken scrape looks like, extraction (`extractPage` inside the whole
 * build) reports diagnostics and never throws. The real pages are mutated
 * line- and character-wise, and whole runs of lines are copied (a section twice: duplicate ids).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../tools/config/schema.js';
import { DiagnosticBag } from '../../tools/diagnostics/diagnostic.js';
import { buildFromFiles } from '../../tools/sources/load.js';
import { PAGES, readPage } from './helpers.js';

type Mutation =
  | { op: 'drop' | 'duplicate' | 'truncate-lines'; at: number }
  | { op: 'swap'; at: number; with: number }
  | { op: 'copy-run'; at: number; length: number; to: number }
  | { op: 'truncate-line' | 'delete-char'; at: number; col: number }
  | { op: 'insert-char'; at: number; col: number; char: string };

// Characters that change how markdown or the scrape's conventions read.
const CHARS = ['#', '`', '\\', '{', '}', '[', ']', '*', '-', '\n', ' ', 'a', '"', ',', ':', '|', '>', '_', '.', '1'];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('drop' as const, 'duplicate' as const, 'truncate-lines' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constant('copy-run' as const), at: fc.nat(), length: fc.integer({ min: 2, max: 120 }), to: fc.nat() }),
  fc.record({ op: fc.constantFrom('truncate-line' as const, 'delete-char' as const), at: fc.nat(), col: fc.nat(120) }),
  fc.record({ op: fc.constant('insert-char' as const), at: fc.nat(), col: fc.nat(120), char: fc.constantFrom(...CHARS) }),
);

function apply(lines: string[], m: Mutation): string[] {
  if (!lines.length) return lines;
  const out = [...lines];
  const at = m.at % out.length;
  const line = out[at]!;
  switch (m.op) {
    case 'drop':
      out.splice(at, 1);
      break;
    case 'duplicate':
      out.splice(at, 0, line);
      break;
    case 'truncate-lines':
      out.length = at;
      break;
    case 'copy-run':
      out.splice(m.to % out.length, 0, ...out.slice(at, at + m.length));
      break;
    case 'swap': {
      const other = m.with % out.length;
      out[at] = out[other]!;
      out[other] = line;
      break;
    }
    case 'truncate-line':
      out[at] = line.slice(0, m.col);
      break;
    case 'delete-char':
      out[at] = line.slice(0, m.col) + line.slice(m.col + 1);
      break;
    case 'insert-char':
      out[at] = line.slice(0, m.col) + m.char + line.slice(m.col);
      break;
  }
  return out;
}

describe.each(PAGES)('extractPage on mutated %s', (name) => {
  const { text, source } = readPage(name);
  const lines = text.split('\n');

  const config = ConfigSchema.parse({ sources: [{ path: source.path }] });

  // The whole build (extract, merge, categories, keys), so duplicated sections reach the merge.
  it('never throws; every diagnostic has a position, a code and a message', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 12 }), async (mutations) => {
        const mutated = mutations.reduce(apply, lines).join('\n');
        const bag = new DiagnosticBag();
        const model = await buildFromFiles([{ config: config.sources[0]!, info: source, text: mutated }], config, bag);
        expect(Array.isArray(model.events)).toBe(true);
        for (const d of bag.items) {
          expect(d.file).toBe(name);
          expect(Number.isInteger(d.line) && d.line >= 1).toBe(true);
          expect(Number.isInteger(d.column) && d.column >= 1).toBe(true);
          expect(d.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
          expect(d.message).toMatch(/^(Found|Unexpected|Missing) /);
        }
      }),
      // Modest: the machine is shared; each run parses a whole page.
      { numRuns: 30, seed: Number(process.env.FC_SEED ?? 20251124) },
    );
  });
});
