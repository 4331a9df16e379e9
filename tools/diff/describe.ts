/** One short sentence per change, for the human-facing formats. */
import type { JsonValue } from '../model/schema.js';
import type { Change } from './change.js';

const show = (v: JsonValue | undefined): string => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
const clip = (s: string, n = 80): string => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
};

export function describeChange(c: Change): string {
  const what = c.path.includes('#') && c.path !== c.item ? 'field' : c.item.slice(0, c.item.indexOf(':'));
  switch (c.kind) {
    case 'item-added':
      return `${what} added${c.after !== undefined ? `: ${show(c.after)}` : ''}`;
    case 'item-removed':
      return `${what} removed`;
    case 'field-added':
      return `field added: ${show(c.after)}`;
    case 'field-removed':
      return `field removed (was ${show(c.before)})`;
    case 'type':
      return `type ${show(c.before)} → ${show(c.after)}`;
    case 'required':
      return c.after ? 'now required' : 'now optional';
    case 'nullable':
      return c.after ? 'now nullable' : 'no longer nullable';
    case 'deprecated':
      return c.after ? 'deprecated' : 'no longer deprecated';
    case 'default':
      return `default ${show(c.before)} → ${show(c.after)}`;
    case 'enum-value-added':
      return `value \`${show(c.after)}\` added`;
    case 'enum-value-removed':
      return `value \`${show(c.before)}\` removed`;
    case 'variant-added':
      return `variant ${show(c.after)} added`;
    case 'variant-removed':
      return `variant ${show(c.before)} removed`;
    case 'description':
      return `description changed: “${clip(show(c.after))}”`;
  }
}
