/**
 * Ids and the names and values they are built from (event types, paths, field and parameter
 * names, enum and literal values, schema names, correlation keys) must be printable single-line
 * text. They become code (string literals, marker comments like `// specmap:begin <type>`), file
 * content and keys users type into `specmap where`; a line break, NUL, other control character,
 * U+2028/U+2029, an invisible format character (bidi overrides disguise what a reviewer reads) or
 * a lone surrogate (not encodable as UTF-8) has no business there, so the source is refused at
 * extract time with a located diagnostic. Generators still escape everything they write: this
 * check is the first line, escape.ts the second. Descriptions are prose and may contain anything.
 */
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { parseAnchor } from '../model/anchor.js';
import type { Field, LiteralValue, TypeExpr } from '../model/schema.js';
import type { SourceExtract } from './source-extract.js';

const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;

const NAMES: Record<string, string> = {
  '\n': 'a line feed',
  '\r': 'a carriage return',
  '\t': 'a tab',
  '\0': 'a NUL',
  '\u2028': 'a line separator',
  '\u2029': 'a paragraph separator',
};

/** What is wrong with `text` as an id part, or undefined when it is fine. */
export function unprintable(text: string): { index: number; what: string } | undefined {
  const m = NOT_PRINTABLE.exec(text);
  if (!m) return undefined;
  const c = m[0];
  const code = `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  const kind =
    NAMES[c] ?? (/\p{Cs}/u.test(c) ? 'a lone surrogate' : /\p{Cf}/u.test(c) ? 'an invisible format character' : 'a control character');
  return { index: m.index, what: `${kind} (${code})` };
}

/** A value quoted for a one-line message: JSON escapes, plus the separators and format characters JSON leaves raw. */
export function shown(value: string): string {
  return JSON.stringify(value).replace(
    /[\u2028\u2029\p{Cf}]/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

interface Where {
  file: string;
  anchor: string | undefined;
}

/** Checks every id part of one source's extract; each problem is an error at the item's anchor. */
export function checkIdText(extract: SourceExtract, bag: DiagnosticBag): void {
  const file = extract.source.id;
  const seen = new Set<string>();
  const check = (value: LiteralValue | undefined, role: string, at: Where): void => {
    if (typeof value !== 'string') return;
    const bad = unprintable(value);
    if (!bad) return;
    const a = at.anchor ? parseAnchor(at.anchor) : undefined;
    const line = a && a.file === at.file ? a.start : 1;
    // One diagnostic per value, at its first place: the event type and its `type` literal, a
    // parameter and its enum items, a field shared by many items are one problem to fix.
    if (seen.has(value)) return;
    seen.add(value);
    bag.error({
      code: 'id-not-printable',
      file: at.file,
      line,
      column: 1,
      message: `Found ${role} ${shown(value)} with ${bad.what} at character ${bad.index + 1}, expected printable single-line text (it becomes an id, code and file content)`,
      hint: 'remove the character from the source; a description may carry line breaks, a name or value may not',
    });
  };
  const fields = (list: readonly Field[] | undefined, owner: string, fallback: string | undefined): void => {
    for (const f of list ?? []) {
      const at = { file, anchor: f.anchors[0] ?? fallback };
      check(f.name, `field name in ${owner}`, at);
      for (const v of f.enum ?? []) check(v, `enum value of field ${shown(f.name)}`, at);
      type(f.type, `${owner} field ${shown(f.name)}`, at.anchor);
    }
  };
  const type = (t: TypeExpr | undefined, owner: string, anchor: string | undefined): void => {
    if (!t) return;
    const at = { file, anchor };
    switch (t.kind) {
      case 'literal':
        return check(t.value, `literal value in ${owner}`, at);
      case 'enum':
        for (const v of t.values) check(v, `enum value in ${owner}`, at);
        return;
      case 'array':
        return type(t.items, owner, anchor);
      case 'map':
        return type(t.values, owner, anchor);
      case 'object':
        return fields(t.fields, owner, anchor);
      case 'union':
        for (const v of t.variants) type(v, owner, anchor);
        return;
      case 'ref':
        return check(t.name, `schema reference in ${owner}`, at);
      default:
        return;
    }
  };

  for (const e of extract.events) {
    const at = { file, anchor: e.anchors[0] };
    check(e.type, 'event type', at);
    for (const k of e.correlationKeys) check(k, `correlation key of event ${shown(e.type)}`, at);
    fields(e.fields, `event ${shown(e.type)}`, e.anchors[0]);
  }
  for (const ep of extract.endpoints) check(ep.path, 'endpoint path', { file, anchor: ep.anchors[0] });
  for (const p of extract.params) {
    const at = { file, anchor: p.field.anchors[0] };
    check(p.field.name, `parameter name of ${p.endpoint.replace(/^endpoint:/, '')}`, at);
    for (const v of p.field.enum ?? []) check(v, `enum value of parameter ${shown(p.field.name)}`, at);
    type(p.field.type, `parameter ${shown(p.field.name)}`, at.anchor);
  }
  for (const v of extract.enums) check(v.value, `enum value of ${v.param.replace(/^param:/, '')}`, { file, anchor: v.anchors[0] });
  for (const o of extract.objects) {
    check(o.name, 'object name', { file, anchor: o.anchors[0] });
    fields(o.fields, `object ${shown(o.name)}`, o.anchors[0]);
  }
  for (const name of Object.keys(extract.schemas)) {
    check(name, 'schema name', { file, anchor: undefined });
    type(extract.schemas[name], `schema ${shown(name)}`, undefined);
  }
}
