/**
 * A markdown catalog: one or more pipe tables whose header names the columns `Event type`,
 * `Correlation keys` and `What it represents` (also `Description`), in any order; other
 * columns and any prose around the tables are ignored. Cells may wrap names in backticks.
 */
import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import type { CatalogEntry } from './entry.js';
import { EVENT_TYPE, splitKeys } from './entry.js';

const COLUMNS = {
  type: /^(event\s*type|type|event)$/i,
  keys: /^correlation\s*keys?$/i,
  description: /^(what\s+it\s+represents|what\s+the\s+event\s+represents|description)$/i,
};

/** Cells of a `| a | b |` row; `\|` stays inside a cell. */
export function cells(line: string): string[] {
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return body.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|').trim());
}

const isRow = (line: string): boolean => line.trim().startsWith('|');
const isRule = (line: string): boolean => /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line);

export function parseTable(text: string, file: string, bag: DiagnosticBag): CatalogEntry[] {
  const lines = text.split(/\r?\n/);
  const out: CatalogEntry[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!isRow(lines[i]!) || !isRule(lines[i + 1] ?? '')) continue;
    const header = cells(lines[i]!);
    const col = {
      type: header.findIndex((h) => COLUMNS.type.test(h)),
      keys: header.findIndex((h) => COLUMNS.keys.test(h)),
      description: header.findIndex((h) => COLUMNS.description.test(h)),
    };
    if (col.type < 0) continue;
    let j = i + 2;
    for (; j < lines.length && isRow(lines[j]!); j++) {
      const row = cells(lines[j]!);
      const type = (row[col.type] ?? '').replace(/`/g, '').replace(/\\_/g, '_').trim();
      if (!EVENT_TYPE.test(type)) {
        bag.error({
          code: 'catalog-bad-type',
          file,
          line: j + 1,
          column: 1,
          message: `Found event type \`${type}\`, expected a type token such as \`tool_called\` or \`response.created\``,
          hint: 'put the event type in the first named column, in backticks',
        });
        continue;
      }
      out.push({
        type,
        correlationKeys: col.keys >= 0 ? splitKeys(row[col.keys] ?? '') : [],
        description: col.description >= 0 ? (row[col.description] ?? '') : '',
        line: j + 1,
      });
    }
    i = j - 1;
  }
  return out;
}
