/** JSON written as `JSON.stringify(x, null, 2) + '\n'` (STYLE.md): same input, same bytes. */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
