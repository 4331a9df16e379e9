/**
 * Text from a trace (event types, ids, file names, values quoted in messages) reaches a terminal or a
 * CI log. Control characters in it could move the cursor, clear the screen or forge a line, so every
 * formatter escapes C0, DEL, C1 and the Unicode line/paragraph separators into visible `\xNN`/`\uNNNN`.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

const hex = (c: string): string => {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

export function escapeControl(text: string): string {
  return text.replace(CONTROL, hex);
}

/** JSON.stringify already escapes C0 in strings; DEL, C1 and U+2028/9 it leaves raw. They only occur inside strings. */
export function escapeJsonText(json: string): string {
  return json.replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
