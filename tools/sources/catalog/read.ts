/**
 * A user-authored catalog (markdown table or YAML list) → events of one group, for items no API
 * document has (e.g. the Agents SDK's agent-level stream events). The group comes from the source
 * config (`group`), else from a YAML catalog's own `group:`.
 */
import type { SourceReader } from '../registry.js';
import { emptyExtract } from '../source-extract.js';
import { toEvent, type CatalogEntry } from './entry.js';
import { parseList } from './parse-list.js';
import { parseTable } from './parse-table.js';

export const readCatalog: SourceReader = (text, source, config, bag) => {
  const file = source.id;
  const out = emptyExtract(source);
  const yaml = /\.(ya?ml|json)$/i.test(source.path);
  const parsed = yaml ? parseList(text, file, bag) : { entries: parseTable(text, file, bag) };
  const group = config.group ?? ('group' in parsed ? parsed.group : undefined);
  if (!parsed.entries.length && !bag.items.some((d) => d.file === file && d.severity === 'error')) {
    bag.error({
      code: 'no-items',
      file,
      line: 1,
      column: 1,
      message: yaml
        ? 'Found no catalog entries, expected a list of `{ type, correlation_keys, description }`'
        : 'Found no catalog table, expected a table with the columns `Event type | Correlation keys | What it represents`',
      hint: 'see "Catalog sources" in the README',
    });
  }
  const seen = new Map<string, CatalogEntry>();
  for (const entry of parsed.entries) {
    const first = seen.get(entry.type);
    if (first) {
      bag.error({
        code: 'duplicate-id',
        file,
        line: entry.line,
        column: 1,
        message: `Found \`${entry.type}\` again, expected each event once (first at line ${first.line})`,
        hint: 'remove one of the two rows',
      });
      continue;
    }
    seen.set(entry.type, entry);
    out.events.push(toEvent(entry, file, group));
  }
  return out;
};
