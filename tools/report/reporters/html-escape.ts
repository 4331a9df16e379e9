/**
 * Escaping for the HTML dashboard. Doc prose, paths and symbols are untrusted: text and attributes
 * are entity-escaped, data for the inline script is JSON with `<` and line separators escaped (so
 * `</script>` in a string cannot close the element), and hrefs are built from path segments so a
 * path can never become a `javascript:` URL.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A relative href: every segment percent-encoded (`:` included), `..` kept, an optional line fragment. */
export function fileHref(base: string, path: string, line?: number): string {
  const segments = `${base}${path}`.split('/').map((s) => (s === '..' || s === '.' ? s : encodeURIComponent(s)));
  return segments.join('/') + (line ? `#L${line}` : '');
}
