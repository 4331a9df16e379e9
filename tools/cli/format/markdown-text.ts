/**
 * Text in GitHub-flavoured markdown. Outside code spans a `<` would open an HTML tag GitHub strips
 * (`array<string>` vanishes) and a `\` would escape what follows; code spans stay as they are. In a
 * table cell a `|` would end the cell, so it is escaped inside code spans too, as GFM asks. Line
 * breaks would end a table row or a list item: they become spaces. Control characters are made
 * visible.
 */
import { splitCodeSpans } from '../../io/code-span.js';
import { escapeControl } from '../../io/control-chars.js';

export const prose = (s: string): string =>
  splitCodeSpans(escapeControl(s.replace(/\r?\n|\r/g, ' ')))
    .map((p) => (p.code ? p.text : p.text.replace(/\\/g, '\\\\').replace(/</g, '&lt;')))
    .join('');

export const cell = (s: string): string => prose(s).replace(/\|/g, '\\|');
