/** `specmap where <id or literal>`: every location of an item per lane, read from mapping.json (no analysis). */
import { loadConfig } from '../config/load.js';
import { EXIT, InputError } from '../diagnostics/errors.js';
import { toJsonText } from '../io/json.js';
import { resolveInside } from '../io/write-plan.js';
import { readMappingFile } from '../mapping/read.js';
import { formatWhere, where } from '../mapping/where.js';

export interface WhereOptions {
  config?: string;
  cwd?: string;
  json?: boolean;
}

export async function runWhere(query: string, opts: WhereOptions): Promise<number> {
  const { config, root } = await loadConfig(opts.config, opts.cwd);
  const mapping = readMappingFile(resolveInside(root, config.mapping), config.mapping);
  if (!mapping) {
    throw new InputError(`no ${config.mapping} yet`, [
      { severity: 'error', code: 'mapping-missing', file: config.mapping, line: 1, column: 1, message: `Missing \`${config.mapping}\`, expected the output of \`specmap map\``, hint: 'run `specmap map` first' },
    ]);
  }
  // The query is user text and the lookup indexes plain records with it: `where constructor` would
  // find Object.prototype's. Null-prototype copies make every key the mapping's own or absent.
  const result = where({ ...mapping, items: nullPrototype(mapping.items), orphans: nullPrototype(mapping.orphans) }, query);
  const found = result.matches.length > 0 || Boolean(result.unknown) || Boolean(result.orphan);
  if (opts.json) {
    process.stdout.write(toJsonText({ query: result.query, matches: result.matches.map(({ id, entry }) => ({ id, ...entry })), unknown: result.unknown ?? null, orphan: result.orphan ?? null }));
  } else if (found) {
    process.stdout.write(formatWhere(result, mapping.lanes));
  } else {
    process.stderr.write(`nothing in ${config.mapping} matches \`${result.query}\` (try an id like event:response.created, a literal, or part of an id)\n`);
  }
  // Not found is an answer, not an error: exit 1 like other findings.
  return found ? EXIT.clean : EXIT.findings;
}

function nullPrototype<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, record);
}
