/** Validation of config text against the Zod schema, with positions for every problem. Loaded only on a memo miss. */
import { positionAt, scanJsonPositions } from '../io/json-positions.js';
import type { z } from 'zod';
import { ConfigError } from '../diagnostics/errors.js';
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ConfigSchema, type Config } from './schema.js';

/** Positions of JSON paths, found only when something is wrong (the text already parsed as JSON). */
async function locate(text: string): Promise<(path: readonly PropertyKey[], key?: boolean) => { line: number; column: number }> {
  const positions = scanJsonPositions(text);
  return (path, key = false) => {
    const segments = path.map((seg) => (typeof seg === 'number' ? seg : String(seg)));
    return key ? positions.locate(segments) : positions.locateValue(segments);
  };
}

/** The public `.def` of a classic Zod 4 schema, as far as key suggestions need it. */
type Wrapped = {
  def: { type: string; innerType?: Wrapped; shape?: Record<string, Wrapped>; element?: Wrapped; valueType?: Wrapped; in?: Wrapped };
};

/** The keys the config schema allows at a JSON path (wrappers such as defaults unwrapped). */
export function allowedKeys(path: readonly PropertyKey[], schema: unknown = ConfigSchema): string[] {
  const unwrap = (s: Wrapped | undefined): Wrapped | undefined => {
    let cur = s;
    while (cur && (cur.def.innerType || cur.def.type === 'pipe')) cur = cur.def.innerType ?? cur.def.in;
    return cur;
  };
  let node = unwrap(schema as Wrapped);
  for (const seg of path) {
    const def = node?.def;
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
  return node?.def.type === 'object' ? Object.keys(node.def.shape ?? {}) : [];
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
        ...positionAt(text, error.offset),
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
