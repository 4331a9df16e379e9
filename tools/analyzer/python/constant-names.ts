/** Where Python code may write a constant: found in the text, before the tree says what each is. */

/** An upper-case name of two characters or more: the part of a constant a scan looks for first. */
const UPPER = /[A-Z][A-Z0-9_]+/g;

/** Whether the text before `at` ends in the operator `in` (or `not in`) and spaces. */
function afterIn(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
  if (i === at || i < 2 || text.charCodeAt(i - 1) !== 110 /* n */ || text.charCodeAt(i - 2) !== 105 /* i */) return false;
  return i === 2 || (!isNameChar(text.charCodeAt(i - 3)) && text.charCodeAt(i - 3) !== 46);
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isNameChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/**
 * Where names written as constants stand in a text (`Events.RESPONSE_CREATED`, or a bare
 * `RESPONSE_CREATED` with an underscore), whole: not part of a longer name or dotted name, not
 * called; an Enum member's `.value` included. The scan finds the upper-case part and reads the dotted names before it by hand: one
 * regular expression with a look-behind took five times as long on an SDK's 5 MB.
 */
export function constantRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(UPPER)) {
    let end = m.index + m[0].length;
    // An Enum member's `.value` (`Events.CREATED.value`) is the member's string: it counts as the member.
    if (
      text.startsWith('.value', end) &&
      !isNameChar(text.charCodeAt(end + 6)) &&
      text.charCodeAt(end + 6) !== 46 &&
      text.charCodeAt(end + 6) !== 40
    )
      end += 6;
    const after = text.charCodeAt(end);
    // A module's private constant (`_TERMINAL`, `__EVENTS`): its leading underscores are its name's.
    let first = m.index;
    while (text.charCodeAt(first - 1) === 95 /* _ */) first--;
    if (isNameChar(after) || after === 46 /* . */ || after === 40 /* ( */ || isNameChar(text.charCodeAt(first - 1))) continue;
    if (text.charCodeAt(first - 1) !== 46) {
      const underscore = m[0].indexOf('_');
      // `if event.type in RUNNING`: a name a value is looked up in is a collection, whatever its spelling.
      if (first < m.index || (underscore > 0 && underscore < m[0].length - 1) || afterIn(text, first)) out.push([first, end]);
      continue;
    }
    // A member: take the names and dots before it (`a.b.C_D`); each must be a name (no leading
    // digit), and the first must not follow a dot.
    let start = first - 1;
    let names = true;
    while (start > 0) {
      let name = start;
      while (name > 0 && isNameChar(text.charCodeAt(name - 1))) name--;
      if (name === start) break;
      start = name;
      if (isDigit(text.charCodeAt(start))) names = false;
      if (text.charCodeAt(start - 1) !== 46) break;
      start--;
    }
    if (names && text.charCodeAt(start) !== 46) out.push([start, end]);
  }
  return out;
}
