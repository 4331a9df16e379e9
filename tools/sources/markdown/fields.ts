/**
 * A field in the scraped pages is a run of paragraphs: its name, `Deprecated` (optional), its
 * type words, markers (`Required`, `Optional`, `Defaults to …`, `SDK Only`, a bold model note),
 * prose, and `Show properties` / `Show possible types` where the scrape collapsed nested
 * structure (reference README, "Facts worth knowing").
 */
import type { List, Paragraph } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import { formatAnchor } from '../../model/anchor.js';
import type { Field, JsonValue, LiteralValue } from '../../model/schema.js';
import type { Block } from './blocks.js';
import { looksLikeTypeLine, parseTypeWords, TYPE_WORDS } from './type-expr.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const COLLAPSED = new Set(['Show properties', 'Show possible types']);
/** Marker paragraphs look like identifiers but never name a field. */
const MARKERS = new Set(['Deprecated', 'Required', 'Optional']);

function isParagraph(block: Block | undefined): block is Block {
  return block?.node.type === 'paragraph';
}

/** Plain words only: no code, emphasis or links (`sequence\_number` is still plain text). */
function isPlain(block: Block): boolean {
  const children = (block.node as Paragraph).children;
  return children.length === 1 && children[0]!.type === 'text';
}

/** Whether blocks[i] starts a field: an identifier paragraph followed by a type line. */
export function startsField(blocks: readonly Block[], i: number): boolean {
  const name = blocks[i];
  if (!isParagraph(name) || !NAME.test(name.text) || MARKERS.has(name.text) || !isPlain(name)) return false;
  let next = blocks[i + 1];
  if (next?.text === 'Deprecated') next = blocks[i + 2];
  // A type line is bare words; `**a note**` reads the same as plain text but is markup.
  return isParagraph(next) && isPlain(next) && looksLikeTypeLine(next.text);
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
      if (first?.type !== 'inlineCode' || second?.type !== 'text' || !/^\s*(\(default\))?\s*[:\u2014-]/.test(second.value)) continue;
      const description = textOf(para)
        .slice(first.value.length)
        .replace(/^\s*(\(default\))?\s*[:\u2014-]\s*/, '')
        .trim();
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
 * A lowercase identifier followed by prose, between fields: a field whose type line the page
 * lacks (the conversation object's `metadata`). Kept as a field of unknown type, with a warning,
 * rather than swallowed into the previous field's prose.
 */
function startsUntypedField(blocks: readonly Block[], i: number): boolean {
  const name = blocks[i];
  const next = blocks[i + 1];
  return (
    isParagraph(name) &&
    isPlain(name) &&
    UNTYPED_NAME.test(name.text) &&
    !TYPE_WORDS.includes(name.text) &&
    isParagraph(next) &&
    !MARKERS.has(next.text) &&
    !looksLikeTypeLine(next.text)
  );
}

const UNTYPED_NAME = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

/**
 * Parses the fields in `blocks` (which must start at a field). Returns them in order; every
 * problem goes to `bag`. A field's name and type line are never the start of another field.
 */
export function parseFields(blocks: readonly Block[], file: string, sourceId: string, bag: DiagnosticBag): ParsedField[] {
  const starts: { at: number; typed: boolean }[] = [];
  for (let i = 0; i < blocks.length; ) {
    if (startsField(blocks, i)) {
      starts.push({ at: i, typed: true });
      i += blocks[i + 1]!.text === 'Deprecated' ? 3 : 2;
    } else if (starts.length && startsUntypedField(blocks, i)) {
      starts.push({ at: i, typed: false });
      i += 1;
    } else i++;
  }
  return starts.map(({ at, typed }, k) => {
    const end = starts[k + 1]?.at ?? blocks.length;
    return parseField(blocks.slice(at, end), typed, file, sourceId, bag);
  });
}

function parseField(run: readonly Block[], typed: boolean, file: string, sourceId: string, bag: DiagnosticBag): ParsedField {
  const name = run[0]!;
  let i = 1;
  let deprecated = false;
  if (typed && run[i]?.text === 'Deprecated') {
    deprecated = true;
    i++;
  }
  const typeBlock = typed ? run[i++] : undefined;
  if (!typeBlock) {
    bag.warn({
      code: 'field-without-type',
      file,
      line: name.line,
      column: name.column,
      message: `Found field \`${name.text}\` followed by prose, expected a type line (\`string\`, \`integer or null\`, …) after the name`,
      hint: 'a doc defect: specmap keeps the field with an unknown type; report it upstream',
    });
  }
  const parsed = typeBlock ? parseTypeWords(typeBlock.text) : { type: { kind: 'unknown' } as const, nullable: false, unknown: [] };
  for (const word of parsed.unknown) {
    bag.error({
      code: 'unknown-type-word',
      file,
      line: typeBlock!.line,
      column: typeBlock!.column,
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
    ...(typeBlock ? { typeText: typeBlock.text } : {}),
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
