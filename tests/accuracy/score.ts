/**
 * Precision and recall of a mapping against a truth table, per lane: a location is right when the
 * truth lists the same item, lane, file and line. An *invented item* has a location in some lane
 * while the truth has none for it anywhere.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Mapping } from '../../tools/mapping/schema.js';
import type { TruthGroup } from './truth-types.js';

interface LaneScore {
  lane: string;
  truth: number;
  found: number;
  right: number;
  precision: number;
  recall: number;
  /** `id lane file:line` of each wrong and each missed location. */
  wrong: string[];
  missed: string[];
}

export interface Score {
  lanes: LaneScore[];
  invented: string[];
}

const key = (id: string, lane: string, at: string): string => `${id}  ${lane}  ${at}`;

/** `prefix`: the workspace folder as mapping.json paths spell it (they are relative to the config). */
export function scoreMapping(mapping: Mapping, truth: readonly TruthGroup[], prefix: string): Score {
  const expected = new Set<string>();
  const truthItems = new Set<string>();
  const lanes = new Set<string>();
  for (const g of truth) {
    lanes.add(g.lane);
    for (const [line, id] of g.at) {
      expected.add(key(id, g.lane, `${g.file}:${line}`));
      truthItems.add(id);
    }
  }
  const found = new Set<string>();
  const invented = new Set<string>();
  for (const [id, entry] of Object.entries(mapping.items)) {
    for (const [lane, locations] of Object.entries(entry.lanes)) {
      lanes.add(lane);
      for (const l of locations) {
        const file = prefix && l.file.startsWith(`${prefix}/`) ? l.file.slice(prefix.length + 1) : l.file;
        found.add(key(id, lane, `${file}:${l.line}`));
      }
      if (locations.length && !truthItems.has(id)) invented.add(id);
    }
  }
  const out: LaneScore[] = [];
  for (const lane of [...lanes].sort()) {
    const t = [...expected].filter((k) => k.split('  ')[1] === lane);
    const f = [...found].filter((k) => k.split('  ')[1] === lane);
    const right = f.filter((k) => expected.has(k)).length;
    out.push({
      lane,
      truth: t.length,
      found: f.length,
      right,
      precision: f.length ? right / f.length : 1,
      recall: t.length ? right / t.length : 1,
      wrong: f.filter((k) => !expected.has(k)).sort(),
      missed: t.filter((k) => !found.has(k)).sort(),
    });
  }
  return { lanes: out, invented: [...invented].sort() };
}

/**
 * Each truth entry against the file it names: the line must name the item (its event type, the
 * parameter, the route's last path segment) or contain the entry's needle. Returns the entries
 * that do not, as `file:line: id`.
 */
export function uncheckedEntries(truth: readonly TruthGroup[], root: string): string[] {
  const bad: string[] = [];
  for (const g of truth) {
    const lines = readFileSync(join(root, g.file), 'utf8').split(/\r?\n/);
    for (const [line, id, needle] of g.at) {
      const text = lines[line - 1] ?? '';
      if (!text.includes(needle ?? nameOf(id))) bad.push(`${g.file}:${line}: ${id}`);
    }
  }
  return bad;
}

/** What a line that holds the item says: `response.created`, `include`, `input_items`. */
function nameOf(id: string): string {
  if (id.startsWith('event:')) return id.slice('event:'.length);
  if (id.startsWith('enum:')) return id.slice(id.indexOf('=') + 1);
  if (id.startsWith('param:')) return id.slice(id.indexOf('#') + 1);
  const path = id.slice(id.indexOf(' ') + 1);
  return (
    path
      .split('/')
      .filter((s) => s && !s.startsWith('{'))
      .pop() ?? path
  );
}
