/**
 * A YAML (or JSON) catalog: a list of `{ type, correlation_keys, description }` entries, either
 * at the top level or under `events:` (optionally beside `group:`). `correlation_keys` may be a
 * list or a comma-separated string; `correlationKeys` is accepted too.
 */
import jsyaml from 'js-yaml';
import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import { LineLocator } from '../openapi/line-locator.js';
import { EVENT_TYPE, splitKeys, type CatalogEntry } from './entry.js';

export interface ParsedList {
  entries: CatalogEntry[];
  group?: string;
}

export function parseList(text: string, file: string, bag: DiagnosticBag): ParsedList {
  let doc: unknown;
  try {
    doc = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA });
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    bag.error({
      code: 'catalog-malformed',
      file,
      line: (mark?.line ?? 0) + 1,
      column: (mark?.column ?? 0) + 1,
      message: `Found malformed YAML (${(error as { reason?: string }).reason ?? 'syntax error'}), expected a list of catalog entries`,
      hint: 'fix the syntax at this position',
    });
    return { entries: [] };
  }
  const locator = new LineLocator(text);
  const top = doc as { events?: unknown; group?: unknown } | unknown[] | null;
  const list = Array.isArray(top) ? top : top && typeof top === 'object' ? top.events : undefined;
  const base = Array.isArray(top) ? [] : ['events'];
  if (!Array.isArray(list)) {
    bag.error({
      code: 'catalog-malformed',
      file,
      line: 1,
      column: 1,
      message: 'Found no list of entries, expected a YAML list (or `events:` with a list) of `{ type, correlation_keys, description }`',
      hint: 'see "Catalog sources" in the README',
    });
    return { entries: [] };
  }
  const entries: CatalogEntry[] = [];
  list.forEach((raw, i) => {
    const line = locator.lineOf([...base, i]);
    const e = (raw ?? {}) as Record<string, unknown>;
    const type = typeof e.type === 'string' ? e.type.trim() : '';
    if (!EVENT_TYPE.test(type)) {
      bag.error({
        code: 'catalog-bad-type',
        file,
        line,
        column: 1,
        message: `Found ${type ? `event type \`${type}\`` : 'an entry without `type`'}, expected \`type:\` with a type token such as \`tool_called\``,
        hint: 'give every entry a `type`',
      });
      return;
    }
    const keys = e.correlation_keys ?? e.correlationKeys;
    entries.push({
      type,
      correlationKeys: Array.isArray(keys) ? keys.map(String).flatMap(splitKeys) : typeof keys === 'string' ? splitKeys(keys) : [],
      description: typeof e.description === 'string' ? e.description.trim() : '',
      line,
    });
  });
  const group = !Array.isArray(top) && top && typeof top.group === 'string' ? top.group : undefined;
  return group ? { entries, group } : { entries };
}
