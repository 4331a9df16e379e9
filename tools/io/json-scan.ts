/**
 * Where and why a JSON text is invalid. `JSON.parse` says so in engine-specific words, often
 * without a position (`Unexpected token '}', …"x": }" is not valid JSON`); diagnostics need the
 * offset and a "found X, expected Y" of their own. A strict RFC 8259 scanner, no values built.
 */
export interface JsonSyntaxError {
  /** Offset of the offending character (the text's length at an unexpected end). */
  offset: number;
  /** What was there: a quoted character, or `the end`. */
  found: string;
  /** What the grammar allows there. */
  expected: string;
  /** True when a `,` or a closing bracket was expected after a member or element. */
  afterValue: boolean;
}

class Stop {
  constructor(readonly error: JsonSyntaxError) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/** The first syntax error in `text`, or undefined when it is valid JSON. */
export function findJsonError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const fail = (expected: string, afterValue = false): never => {
    const ch = text[i];
    throw new Stop({ offset: i, found: ch === undefined ? 'the end' : `\`${ch}\``, expected, afterValue });
  };
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`\`${word}\``);
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      const ch = text[i];
      if (ch === undefined || ch < ' ') fail('a closing `"`');
      if (ch === '"') {
        i++;
        return;
      }
      if (ch === '\\') {
        ESCAPE.lastIndex = i;
        if (!ESCAPE.test(text)) fail('an escape such as `\\n` or `\\u0041`');
        i = ESCAPE.lastIndex;
      } else i++;
    }
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('a member name in `"`');
        string();
        ws();
        if (text[i] !== ':') fail('`:`');
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return;
        } else fail('`,` or `}`', true);
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return;
        } else fail('`,` or `]`', true);
      }
    }
    if (ch === '"') return string();
    if (ch === 't') return literal('true');
    if (ch === 'f') return literal('false');
    if (ch === 'n') return literal('null');
    NUMBER.lastIndex = i;
    if (NUMBER.test(text)) {
      i = NUMBER.lastIndex;
      return;
    }
    fail('a value');
  };
  try {
    value();
    ws();
    if (i < text.length) fail('the end of the payload');
    return undefined;
  } catch (stop) {
    if (stop instanceof Stop) return stop.error;
    throw stop;
  }
}
