/**
 * Limits that keep a hostile or broken source from running for minutes and dying out of memory or
 * stack: each is checked before the parser sees the text and gives a located error instead.
 *
 * Sizes are far above what real sources need (the OpenAI reference pages are ~50 KB, the OpenAI
 * OpenAPI spec ~3 MB) and low enough to refuse in well under a second: markdown extraction runs
 * at a few seconds per MB, so a 50 MB page took minutes and then ran out of memory.
 */
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { parseAnchor } from '../model/anchor.js';
import type { Field, SourceKind, TypeExpr } from '../model/schema.js';
import type { SourceExtract } from './source-extract.js';

const MB = 1024 * 1024;

/** Largest source file read, per kind (markdown pages and catalogs; OpenAPI documents). */
const MAX_SOURCE_BYTES: Readonly<Record<SourceKind, number>> = { 'openai-docs': 4 * MB, catalog: 4 * MB, openapi: 32 * MB };

/** Deepest nesting of markdown containers (lists, block quotes); real pages nest a handful. */
const MAX_MARKDOWN_NESTING = 64;

const mb = (n: number): string => `${(n / MB).toFixed(1)} MB`;

/** True when `size` is within the limit for `kind`, else an error in `bag`. */
export function checkSourceSize(size: number, kind: SourceKind, file: string, bag: DiagnosticBag): boolean {
  const max = MAX_SOURCE_BYTES[kind];
  if (size <= max) return true;
  bag.error({
    code: 'source-too-large',
    file,
    line: 1,
    column: 1,
    message: `Found a ${mb(size)} ${kind} source (${size} bytes), expected at most ${mb(max)}`,
    hint:
      kind === 'openapi'
        ? 'configure a smaller document (split it, or drop the APIs you do not map)'
        : 'split the page into several sources, one per API section',
  });
  return false;
}

/** One container marker at the start of what is left of a line: `>`, `-`/`*`/`+`, or `1.`/`1)`, each followed by a space. */
const MARKER = /^ {0,3}(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Estimated container depth of each line of a markdown page, outside fenced code: the markers
 * that open containers at its start, plus one level per two columns of indentation before a list
 * marker (how nested list items are written). Cheap and conservative: it never needs the parser,
 * which is what overflows the stack.
 */
export function deepestNesting(text: string): { depth: number; line: number; column: number } {
  let deepest = { depth: 0, line: 1, column: 1 };
  let fence: string | undefined;
  let lineNo = 0;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    lineNo++;
    const f = FENCE.exec(raw);
    if (fence) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length) fence = undefined;
      continue;
    }
    if (f) {
      fence = f[1];
      continue;
    }
    const indent = /^[ \t]*/.exec(raw)![0];
    const width = [...indent].reduce((w, c) => (c === '\t' ? w + 4 - (w % 4) : w + 1), 0);
    let rest = raw.slice(indent.length);
    let depth = 0;
    for (let m = MARKER.exec(rest); m && m[0].length > 0; m = MARKER.exec(rest)) {
      depth++;
      rest = rest.slice(m[0].length);
      if (depth > MAX_MARKDOWN_NESTING * 4) break;
    }
    if (depth > 0) depth += Math.floor(width / 2);
    if (depth > deepest.depth) deepest = { depth, line: lineNo, column: indent.length + 1 };
  }
  return deepest;
}

/** True when the page nests within the limit, else an error at the deepest line. */
export function checkMarkdownNesting(text: string, file: string, bag: DiagnosticBag): boolean {
  const deepest = deepestNesting(text);
  if (deepest.depth <= MAX_MARKDOWN_NESTING) return true;
  bag.error({
    code: 'source-too-deep',
    file,
    line: deepest.line,
    column: deepest.column,
    message: `Found lists or block quotes nested ${deepest.depth >= MAX_MARKDOWN_NESTING * 4 ? 'more than ' + MAX_MARKDOWN_NESTING * 4 : deepest.depth} levels deep, expected at most ${MAX_MARKDOWN_NESTING}`,
    hint: 'flatten the nesting at this line (a scraped page nests a few levels; this looks like a broken or hostile page)',
  });
  return false;
}

/**
 * Deepest nesting of a type (arrays, maps, objects, unions) or of a JSON value (examples,
 * defaults) the model takes. Every later stage walks these recursively (the model's own schema
 * check, the generators); a document nested a thousand levels parsed fine and then overflowed the
 * stack in `generate`. Real API schemas nest about ten levels.
 */
const MAX_MODEL_NESTING = 64;

/** Depth of a JSON value, counting no further than `limit + 1`. */
function jsonDepth(value: unknown, limit: number): number {
  if (value === null || typeof value !== 'object' || limit < 0) return 0;
  let deepest = 0;
  for (const v of Object.values(value)) {
    deepest = Math.max(deepest, jsonDepth(v, limit - 1));
    if (deepest > limit) break;
  }
  return deepest + 1;
}

/** Depth of a type expression, counting no further than `limit + 1`. */
function typeDepth(type: TypeExpr | undefined, limit: number): number {
  if (!type || limit < 0) return 0;
  switch (type.kind) {
    case 'array':
      return 1 + typeDepth(type.items, limit - 1);
    case 'map':
      return 1 + typeDepth(type.values, limit - 1);
    case 'union':
      return 1 + Math.max(0, ...type.variants.map((v) => typeDepth(v, limit - 1)));
    case 'object':
      return 1 + fieldsDepth(type.fields, limit - 1);
    default:
      return 1;
  }
}

function fieldsDepth(fields: readonly Field[] | undefined, limit: number): number {
  let deepest = 0;
  for (const f of fields ?? []) {
    deepest = Math.max(deepest, typeDepth(f.type, limit), 'default' in f ? jsonDepth(f.default, limit) : 0);
    if (deepest > limit) break;
  }
  return deepest;
}

/** An error for every item of `extract` whose types, examples or defaults nest deeper than the limit; true when none does. */
export function checkModelNesting(extract: SourceExtract, bag: DiagnosticBag): boolean {
  let ok = true;
  const file = extract.source.id;
  const max = MAX_MODEL_NESTING;
  const report = (what: string, anchor: string | undefined): void => {
    ok = false;
    const a = anchor ? parseAnchor(anchor) : undefined;
    bag.error({
      code: 'source-too-deep',
      file,
      line: a && a.file === file ? a.start : 1,
      column: 1,
      message: `Found ${what} nested more than ${max} levels deep, expected at most ${max}`,
      hint: 'flatten the schema or example at this line (a real API nests about ten levels; this looks like a broken or hostile document)',
    });
  };
  for (const item of [...extract.events, ...extract.objects]) {
    if (fieldsDepth(item.fields, max) > max) report(`the fields of ${item.id}`, item.anchors[0]);
    if (item.example && jsonDepth(item.example.value, max) > max) report(`the example of ${item.id}`, item.example.anchor);
  }
  for (const p of extract.params) if (fieldsDepth([p.field], max) > max) report(`parameter ${p.id}`, p.field.anchors[0]);
  for (const [name, type] of Object.entries(extract.schemas)) if (typeDepth(type, max) > max) report(`schema \`${name}\``, undefined);
  return ok;
}
