/**
 * A field in the scraped pages is a run of paragraphs: its name, `Deprecated` (optional), its
 * type words, markers (`Required`, `Optional`, `Defaults to …`, `SDK Only`, a bold model note),
 * prose, and `Show properties` / `Show possible types` where the scrape collapsed nested
 * structure (reference README, "Facts worth knowing").
 */
import type { List } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import { formatAnchor } from '../../model/anchor.js';
import type { Field, JsonValue, LiteralValue } from '../../model/schema.js';
import type { Block } from './blocks.js';
import { looksLikeTypeLine, parseTypeWords, TYPE_WORDS } from './type-expr.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const COLLAPSED = new Set(['Show properties', 'Show possible types']);

function isParagraph(block: Block | undefined): block is Block {
  return block?.node.type === 'paragraph';
}

/** Whether blocks[i] starts a field: an identifier paragraph followed by a type line. */
export function startsField(blocks: readonly Block[], i: number): boolean {
  const name = blocks[i];
  if (!isParagraph(name) || !NAME.test(name.text) || name.text === 'Deprecated' || name.source.includes('`')) return false;
  let next = blocks[i + 1];
  if (next?.text === 'Deprecated') next = blocks[i + 2];
  return isParagraph(next) && looksLikeTypeLine(next.text);
}

function parseDefault(text: string): JsonValue {
  const raw = text.trim().replace(/^`|`$/g, '');
  if (raw === 'null') return null;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (/^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  return raw;
}

/** Values listed as "- `value`: what it means" in a field's prose (the `include` list). */
function listedValues(blocks: readonly Block[]): { value: LiteralValue; description: string; line: number }[] {
  const out: { value: LiteralValue; description: string; line: number }[] = [];
  for (const block of blocks) {
    if (block.node.type !== 'list') continue;
    for (const item of (block.node as List).children) {
      const para = item.children[0];
      if (para?.type !== 'paragraph') continue;
      const [first, second] = para.children;
      if (first?.type !== 'inlineCode' || second?.type !== 'text' || !/^\s*(\(default\))?\s*[:—-]/.test(second.value)) continue;
      const description = toString(para).slice(first.value.length).replace(/^\s*(\(default\))?\s*[:—-]\s*/, '').trim();
      out.push({ value: first.value, description, line: item.position!.start.line });
    }
  }
  return out;
}

export interface ParsedField {
  field: Field;
  /** The listed values with their prose and line, for enum items. */
  values: { value: LiteralValue; description: string; line: number }[];
}

/**
 * Parses the fields in `blocks` (which must start at a field). Returns them in order; every
 * problem goes to `bag`.
 */
export function parseFields(blocks: readonly Block[], file: string, sourceId: string, bag: DiagnosticBag): ParsedField[] {
  const starts: number[] = [];
  for (let i = 0; i < blocks.length; i++) if (startsField(blocks, i)) starts.push(i);
  return starts.map((start, k) => {
    const end = starts[k + 1] ?? blocks.length;
    return parseField(blocks.slice(start, end), file, sourceId, bag);
  });
}

function parseField(run: readonly Block[], file: string, sourceId: string, bag: DiagnosticBag): ParsedField {
  const name = run[0]!;
  let i = 1;
  let deprecated = false;
  if (run[i]?.text === 'Deprecated') {
    deprecated = true;
    i++;
  }
  const typeBlock = run[i++]!;
  const parsed = parseTypeWords(typeBlock.text);
  for (const word of parsed.unknown) {
    bag.error({
      code: 'unknown-type-word',
      file,
      line: typeBlock.line,
      column: typeBlock.column,
      message: `Unexpected type word \`${word}\` for field \`${name.text}\`, expected one of ${TYPE_WORDS.map((w) => `\`${w}\``).join(', ')} (joined by \`or\`)`,
      hint: 'fix the type line in the page, or report the new type word to specmap',
    });
  }
  let required: boolean | null = null;
  let defaultValue: JsonValue | undefined;
  const notes: string[] = [];
  for (; i < run.length; i++) {
    const text = run[i]!.text;
    if (text === 'Required' || text === 'Optional') required = text === 'Required';
    else if (text.startsWith('Defaults to ')) defaultValue = parseDefault(run[i]!.source.slice('Defaults to '.length));
    else if (text === 'Deprecated') deprecated = true;
    else if (text === 'SDK Only' || /^\*\*[^*]+\*\*$/.test(run[i]!.source.trim())) notes.push(run[i]!.source.trim());
    else break;
  }
  const prose = run.slice(i).filter((b) => !COLLAPSED.has(b.text));
  const collapsed = run.slice(i).some((b) => COLLAPSED.has(b.text));
  const values = listedValues(prose);
  const field: Field = {
    name: name.text,
    typeText: typeBlock.text,
    type: parsed.type,
    required,
    nullable: parsed.nullable,
    deprecated,
    ...(defaultValue !== undefined ? { default: defaultValue } : {}),
    ...(values.length ? { enum: values.map((v) => v.value) } : {}),
    description: [...notes, ...prose.map((b) => b.source)].join('\n\n'),
    collapsed,
    sources: [sourceId],
    anchors: [formatAnchor(file, name.line, run.at(-1)!.endLine)],
  };
  return { field, values };
}
