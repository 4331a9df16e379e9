/**
 * `--format markdown` read the way GitHub reads it: parsed as GFM (remark-parse + remark-gfm) on
 * the real 2026-05-13 → 2026-08-21 diff. Every table row keeps its cells, no text becomes HTML
 * (GitHub drops `array<string>` as an unknown tag), every type of every change is inline code,
 * and `--summary` fits a PR comment.
 */
import type { Root, RootContent, TableRow } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { diffFiles } from '../../tools/commands/diff.js';
import type { Change } from '../../tools/diff/change.js';
import { formatProblems } from '../../tools/cli/format/index.js';
import { diffView } from '../../tools/cli/output/diff.js';

const R = '../shared/reference/openapi/';
const parse = (md: string): Root => unified().use(remarkParse).use(remarkGfm).parse(md);

function walk(node: Root | RootContent, visit: (n: RootContent) => void): void {
  if (node.type !== 'root') visit(node);
  if ('children' in node) for (const c of node.children as RootContent[]) walk(c, visit);
}
const all = (node: Root | RootContent, type: string): RootContent[] => {
  const out: RootContent[] = [];
  walk(node, (n) => n.type === type && out.push(n));
  return out;
};
const codes = (node: Root | RootContent): string[] => all(node, 'inlineCode').map((n) => (n as { value: string }).value);

/** How a change's place is shown: its location, with the direction when that location changed both ways. */
const shown = (c: Change): string => c.id.slice(c.kind.length + 1);

/** The types a change names: shape strings, and field summaries without their `(required)` marker. */
function typesOf(c: Change): string[] {
  const strip = (v: unknown): string => String(v).replace(/ \((required|optional)\)$/, '');
  if (c.kind === 'type') return [strip(c.before), strip(c.after)];
  if (c.kind === 'field-added' || (c.kind === 'item-added' && c.after !== undefined)) return [strip(c.after)];
  if (c.kind === 'field-removed' || (c.kind === 'item-removed' && c.before !== undefined)) return [strip(c.before)];
  return [];
}

describe('diff --format markdown on 2026-05-13 → 2026-08-21, parsed as GFM', async () => {
  const { result } = await diffFiles(`${R}openai-openapi-2026-05-13.yaml`, `${R}openai-openapi-2026-08-21.yaml`);
  const full = formatProblems(diffView(result), 'markdown');
  const summary = formatProblems(diffView(result), 'markdown', { summary: true });

  it('one table row per change, each with its 4 cells; no HTML; no `<` in plain text', () => {
    const tree = parse(full);
    const rows = all(tree, 'tableRow') as TableRow[];
    const tables = all(tree, 'table');
    // The counts table, then one table per class with a header row and a row per change.
    expect(rows.filter((r) => r.children.length === 4)).toHaveLength(result.changes.length + tables.length - 1);
    const body = rows.filter(
      (r) => r.children.length === 4 && (r.children[0]!.children[0] as { type: string } | undefined)?.type === 'inlineCode',
    );
    expect(body).toHaveLength(result.changes.length);
    for (const r of rows) expect([2, 4]).toContain(r.children.length);
    // `<br>` between the items and anchors of a cell is the only HTML (GitHub keeps it).
    expect(new Set(all(tree, 'html').map((n) => (n as { value: string }).value))).toEqual(new Set(['<br>']));
    for (const t of all(tree, 'text')) expect((t as { value: string }).value).not.toMatch(/\w<\w/);
  });

  it('every type of every change is inline code in its row', () => {
    const rows = (all(parse(full), 'tableRow') as TableRow[]).filter((r) => r.children.length === 4);
    const at = (place: string): TableRow[] => rows.filter((r) => codes(r.children[0]!)[0] === place);
    const typed = result.changes.filter((c) => typesOf(c).length);
    expect(typed.length).toBeGreaterThan(30);
    expect(typed.some((c) => typesOf(c).some((t) => t.includes('<')))).toBe(true);
    for (const c of typed) {
      // A place can hold several changes (deprecated and described anew); one of its rows names these types.
      const hits = at(shown(c)).filter((r) => typesOf(c).every((t) => codes(r.children[1]!).includes(t)));
      expect(hits.length, c.id).toBeGreaterThan(0);
    }
    // The items a change affects are listed in its row, each in code.
    const [key] = at('Response#prompt_cache_key');
    expect(codes(key!.children[2]!)).toEqual(result.changes.find((c) => c.location === 'Response#prompt_cache_key')!.items);
  });

  it('--summary: under 60,000 characters, every change listed once, types in code, the skipped paths said', () => {
    expect(summary.length).toBeLessThan(60_000);
    expect(summary.length).toBeLessThan(full.length);
    const tree = parse(summary);
    expect(all(tree, 'html')).toEqual([]);
    const items = all(tree, 'listItem');
    const skippedNotes = result.skipped.new.length;
    expect(items).toHaveLength(result.changes.length + skippedNotes);
    const locations = items.map((i) => codes(i)[0]);
    expect(locations.slice(0, result.changes.length).sort()).toEqual(result.changes.map(shown).sort());
    expect(summary).toContain('- `Response#prompt_cache_key`: now nullable (7 items)');
    expect(summary).toContain('not compared: `/responses?beta=true`');
  });

  it('the same input gives the same bytes', async () => {
    const again = await diffFiles(`${R}openai-openapi-2026-05-13.yaml`, `${R}openai-openapi-2026-08-21.yaml`);
    expect(formatProblems(diffView(again.result), 'markdown')).toBe(full);
  });
});
