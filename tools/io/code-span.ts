/**
 * Inline code that survives any content (CommonMark "Code spans"): the fence is one backtick
 * longer than the longest run inside, and a space pads content that starts or ends with a
 * backtick. GitHub drops `array<string>` outside code as an unknown HTML tag; inside it is text.
 */
export function codeSpan(s: string): string {
  const runs = s.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const pad = s.startsWith('`') || s.endsWith('`') || (s.startsWith(' ') && s.endsWith(' ') && s.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

/** The code spans of `s` and the text between them, in order (for escaping only the text). */
export function splitCodeSpans(s: string): { code: boolean; text: string }[] {
  const out: { code: boolean; text: string }[] = [];
  let i = 0;
  let start = 0;
  while (i < s.length) {
    if (s[i] !== '`') {
      i++;
      continue;
    }
    let j = i;
    while (s[j] === '`') j++;
    const fence = s.slice(i, j);
    // The span closes at the next run of exactly the same length.
    let k = j;
    let close = -1;
    while (k < s.length) {
      const at = s.indexOf(fence, k);
      if (at < 0) break;
      let end = at + fence.length;
      if (s[at - 1] !== '`' && s[end] !== '`') {
        close = at;
        break;
      }
      while (s[end] === '`') end++;
      k = end;
    }
    if (close < 0) {
      i = j;
      continue;
    }
    if (i > start) out.push({ code: false, text: s.slice(start, i) });
    out.push({ code: true, text: s.slice(i, close + fence.length) });
    i = start = close + fence.length;
  }
  if (start < s.length) out.push({ code: false, text: s.slice(start) });
  return out;
}
