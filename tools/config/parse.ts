/** Validation of config text against the Zod schema, with positions for every problem. Loaded only on a memo miss. */
import type { z } from 'zod';
import { ConfigError } from '../diagnostics/errors.js';
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ConfigSchema, type Config } from './schema.js';

/** Positions of JSON paths, found only when something is wrong (the yaml CST knows JSON). */
async function locate(text: string): Promise<(path: readonly PropertyKey[], key?: boolean) => { line: number; column: number }> {
  const { parseDocument, LineCounter, isMap, isSeq, isPair } = await import('yaml');
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  return (path, key = false) => {
    let node: unknown = doc.contents;
    let offset = 0;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && (p.key as { value?: unknown })?.value === seg);
        if (!pair) break;
        const last = i === path.length - 1;
        const target = (last && key ? pair.key : pair.value) as { range?: [number, number] } | null;
        offset = target?.range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        node = node.items[seg];
        offset = (node as { range?: [number, number] })?.range?.[0] ?? offset;
      } else break;
    }
    const pos = lc.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
}

type Wrapped = {
  _zod: {
    def: { type: string; innerType?: Wrapped; shape?: Record<string, Wrapped>; element?: Wrapped; valueType?: Wrapped; in?: Wrapped };
  };
};

/** The keys the config schema allows at a JSON path (wrappers such as defaults unwrapped). */
export function allowedKeys(path: readonly PropertyKey[], schema: unknown = ConfigSchema): string[] {
  const unwrap = (s: Wrapped | undefined): Wrapped | undefined => {
    let cur = s;
    while (cur && (cur._zod.def.innerType || cur._zod.def.type === 'pipe')) cur = cur._zod.def.innerType ?? cur._zod.def.in;
    return cur;
  };
  let node = unwrap(schema as Wrapped);
  for (const seg of path) {
    const def = node?._zod.def;
    if (!def) return [];
    node = unwrap(
      def.type === 'object'
        ? def.shape?.[String(seg)]
        : def.type === 'array'
          ? def.element
          : def.type === 'record'
            ? def.valueType
            : undefined,
    );
  }
  return node?._zod.def.type === 'object' ? Object.keys(node._zod.def.shape ?? {}) : [];
}

/** `sources[0].kind`, as a user reads the path. */
const formatPath = (path: readonly PropertyKey[]): string =>
  path.map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : i ? `.${String(seg)}` : String(seg))).join('');

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let cur = raw;
  for (const seg of path) cur = cur && typeof cur === 'object' ? (cur as Record<PropertyKey, unknown>)[seg] : undefined;
  return cur;
}

const describeValue = (v: unknown): string =>
  v === undefined
    ? 'nothing'
    : v === null
      ? '`null`'
      : Array.isArray(v)
        ? 'an array'
        : typeof v === 'object'
          ? 'an object'
          : `${typeof v} \`${String(v)}\``;

interface Described {
  message: string;
  hint: string;
  path: readonly PropertyKey[];
  /** Point at the key itself rather than its value. */
  atKey: boolean;
}

/** One Zod issue → one diagnostic per problem, worded "Found X, expected Y". */
function describeIssue(issue: z.core.$ZodIssue, raw: unknown): Described[] {
  const where = issue.path.length ? ` at \`${formatPath(issue.path)}\`` : '';
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeys(issue.path);
    const expected = allowed.length ? `one of ${allowed.map((k) => `\`${k}\``).join(', ')}` : 'one of the keys the config schema defines';
    return issue.keys.map((key) => ({
      message: `Unexpected key \`${key}\`${where}, expected ${expected}`,
      hint: 'remove the key or fix its spelling (see schema/config.schema.json)',
      path: [...issue.path, key],
      atKey: true,
    }));
  }
  if (issue.code === 'invalid_type') {
    const found = describeValue(valueAt(raw, issue.path));
    return [
      {
        message: `Found ${found}${where}, expected ${issue.expected}`,
        hint: 'see schema/config.schema.json for the expected shape',
        path: issue.path,
        atKey: false,
      },
    ];
  }
  if (issue.code === 'invalid_value') {
    const found = describeValue(valueAt(raw, issue.path));
    const expected = issue.values.map((v) => `\`${String(v)}\``).join(', ');
    return [
      {
        message: `Found ${found}${where}, expected ${issue.values.length > 1 ? 'one of ' : ''}${expected}`,
        hint: 'see schema/config.schema.json for the allowed values',
        path: issue.path,
        atKey: false,
      },
    ];
  }
  return [
    { message: `${issue.message}${where}`, hint: 'see schema/config.schema.json for the expected shape', path: issue.path, atKey: false },
  ];
}

/** Parses and validates config text; every problem becomes a diagnostic with file:line:col. */
export async function parseConfigText(text: string, file: string): Promise<Config> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    // JSON.parse's wording and positions vary by engine; the scanner gives both exactly.
    const { findJsonError } = await import('../io/json-scan.js');
    const error = findJsonError(text) ?? { offset: 0, found: 'text', expected: 'valid JSON' };
    throw new ConfigError(`invalid JSON in ${file}`, [
      {
        severity: 'error',
        code: 'config-invalid-json',
        file,
        ...lineColAt(text, error.offset),
        message: `Found ${error.found}, expected ${error.expected} (the config is not valid JSON)`,
        hint: 'fix the JSON syntax (no comments or trailing commas)',
      },
    ]);
  }
  const result = ConfigSchema.safeParse(raw);
  if (result.success) return result.data;
  const at = await locate(text);
  const diagnostics: Diagnostic[] = result.error.issues
    .flatMap((issue) =>
      describeIssue(issue, raw).map(({ message, hint, path, atKey }) => ({
        severity: 'error' as const,
        code: 'config-invalid',
        file,
        ...at(path, atKey),
        message,
        hint,
      })),
    )
    .sort(compareDiagnostics);
  throw new ConfigError(`invalid config ${file}`, diagnostics);
}

function lineColAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}
