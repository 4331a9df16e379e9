/**
 * One short sentence per change, for the human-facing formats. Types, values and names are code
 * spans in every format: markdown needs them (GitHub strips `array<string>` as HTML outside code),
 * and a terminal reader sees where a type starts and ends.
 */
import type { JsonValue } from '../model/schema.js';
import type { Change } from './change.js';
import { codeSpan } from '../io/code-span.js';

const text = (v: JsonValue | undefined): string => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
const code = (v: JsonValue | undefined): string => (v === undefined ? '—' : codeSpan(text(v)));
const clip = (s: string, n = 80): string => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
};

/** A field summary (`string | null (required)`, from diff-fields.ts): the type in code, the marker after it. */
const typed = (v: JsonValue | undefined): string => {
  const s = text(v);
  const m = /^(.*) \((required|optional)\)$/.exec(s);
  return m ? `${codeSpan(m[1]!)} (${m[2]})` : code(v);
};

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** An endpoint or parameter added or removed whole carries its parameters and listed values. */
function withParts(c: Change): string {
  const folded = c.paths.slice(1);
  const params = folded.filter((p) => p.startsWith('param:')).length;
  const values = folded.filter((p) => p.startsWith('enum:')).length;
  const parts = [params ? plural(params, 'parameter') : '', values ? plural(values, 'listed value') : ''].filter(Boolean);
  return parts.length ? ` with ${parts.join(' and ')}` : '';
}

export function describeChange(c: Change): string {
  const what = c.path.includes('#') && c.path !== c.item ? 'field' : c.item.slice(0, c.item.indexOf(':'));
  switch (c.kind) {
    case 'item-added':
      return `${what} added${c.after !== undefined ? `: ${typed(c.after)}` : ''}${withParts(c)}`;
    case 'item-removed':
      return `${what} removed${c.before !== undefined ? ` (was ${typed(c.before)})` : ''}${withParts(c)}`;
    case 'field-added':
      return `field added: ${typed(c.after)}`;
    case 'field-removed':
      return `field removed (was ${typed(c.before)})`;
    case 'type':
      return `type ${code(c.before)} → ${code(c.after)}`;
    case 'required':
      return c.after ? 'now required' : 'now optional';
    case 'nullable':
      return c.after ? 'now nullable' : 'no longer nullable';
    case 'deprecated':
      return c.after ? 'deprecated' : 'no longer deprecated';
    case 'default':
      return `default ${code(c.before)} → ${code(c.after)}`;
    case 'enum-value-added':
      return `value ${code(c.after)} added`;
    case 'enum-value-removed':
      return `value ${code(c.before)} removed`;
    case 'variant-added':
      return `variant ${code(c.after)} added`;
    case 'variant-removed':
      return `variant ${code(c.before)} removed`;
    case 'description':
      return `description changed: “${clip(text(c.after))}”`;
  }
}
