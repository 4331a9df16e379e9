/**
 * Is this a legacy SPEC_TO_CODE_MAPPING at all? The schema in legacy-format.ts reads loosely (every
 * field is kept), so on its own it accepts any JSON object: `package.json` would be "imported".
 * Here the shape is checked before anything is read: at least one of the mapping sections, each
 * an object of objects, endpoint keys `METHOD /path`, event keys that look like event types.
 * Every problem is collected with its line and column.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { JsonPositions } from '../io/json-positions.js';

const MAPPING_SECTIONS = ['endpoints', 'request_parameters', 'streaming_events'] as const;
const ENDPOINT_KEY = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \/\S*$/;
// `error` is a real event type; others are dotted lower-case names (`response.output_text.delta`).
const EVENT_KEY = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const describe = (v: unknown): string =>
  v === null ? '`null`' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `${typeof v} \`${String(v).slice(0, 40)}\``;
const HINT =
  'pass a SPEC_TO_CODE_MAPPING.json: an object with `endpoints` ("METHOD /path" → entry), `request_parameters` (model → parameter → entry) and/or `streaming_events` (event type → entry)';

/** Legacy entries nest a few levels; far deeper is not a mapping, and would overflow the reader's stack. */
const MAX_DEPTH = 64;

/** The path to the first value nested deeper than MAX_DEPTH, found without recursion. */
function tooDeep(raw: unknown): (string | number)[] | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: raw, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (path.length > MAX_DEPTH) return path.slice(0, MAX_DEPTH + 1);
    if (Array.isArray(value)) for (const [i, v] of value.entries()) stack.push({ value: v, path: [...path, i] });
    else if (isObject(value)) for (const [k, v] of Object.entries(value)) stack.push({ value: v, path: [...path, k] });
  }
  return undefined;
}

export function validateLegacy(raw: unknown, file: string, at: JsonPositions): Diagnostic[] {
  const out: Diagnostic[] = [];
  const add = (path: (string | number)[], message: string) =>
    out.push({ severity: 'error', code: 'legacy-invalid', file, ...at.locate(path), message, hint: HINT });
  for (const d of at.duplicates) {
    out.push({
      severity: 'error',
      code: 'legacy-duplicate-key',
      file,
      ...d.second,
      message: `Found key \`${d.key}\`${d.path.length ? ` in \`${d.path.join('.')}\`` : ''} a second time (first at ${file}:${d.first.line}:${d.first.column}), expected each key once`,
      hint: 'merge the two entries by hand; importing would keep only the last one',
    });
  }
  const deep = tooDeep(raw);
  if (deep) {
    add(deep, `Found values nested more than ${MAX_DEPTH} levels deep, expected a legacy mapping (a few levels)`);
    return out;
  }
  if (!isObject(raw)) {
    add([], `Found ${describe(raw)}, expected an object with the legacy mapping sections`);
    return out;
  }
  const present = MAPPING_SECTIONS.filter((s) => Object.hasOwn(raw, s));
  if (!present.length) {
    const keys = Object.keys(raw)
      .slice(0, 6)
      .map((k) => `\`${k}\``)
      .join(', ');
    add(
      [],
      `Found an object with ${keys ? `keys ${keys}${Object.keys(raw).length > 6 ? ', …' : ''}` : 'no keys'}, expected at least one of \`endpoints\`, \`request_parameters\`, \`streaming_events\` (this is not a legacy mapping)`,
    );
    return out;
  }
  const entries = (section: string, value: unknown, check: (key: string) => string | undefined, depth: 1 | 2) => {
    if (!isObject(value)) return add([section], `Found ${describe(value)} at \`${section}\`, expected an object`);
    for (const [key, entry] of Object.entries(value)) {
      const bad = check(key);
      if (bad) add([section, key], `Found key \`${key}\` in \`${section}\`, expected ${bad}`);
      if (depth === 2) {
        if (!isObject(entry)) {
          add([section, key], `Found ${describe(entry)} at \`${section}.${key}\`, expected an object of parameters`);
          continue;
        }
        for (const [param, p] of Object.entries(entry))
          if (!isObject(p))
            add(
              [section, key, param],
              `Found ${describe(p)} at \`${section}.${key}.${param}\`, expected an object (the parameter's entry)`,
            );
      } else if (!isObject(entry))
        add([section, key], `Found ${describe(entry)} at \`${section}.${key}\`, expected an object (the entry's fields)`);
    }
  };
  if (Object.hasOwn(raw, 'endpoints'))
    entries(
      'endpoints',
      raw.endpoints,
      (k) => (ENDPOINT_KEY.test(k) ? undefined : 'an endpoint `METHOD /path` such as `POST /v1/items`'),
      1,
    );
  if (Object.hasOwn(raw, 'streaming_events'))
    entries(
      'streaming_events',
      raw.streaming_events,
      (k) => (EVENT_KEY.test(k) ? undefined : 'an event type such as `response.created`'),
      1,
    );
  if (Object.hasOwn(raw, 'request_parameters')) entries('request_parameters', raw.request_parameters, () => undefined, 2);
  if (Object.hasOwn(raw, 'summary') && !isObject(raw.summary))
    add(['summary'], `Found ${describe(raw.summary)} at \`summary\`, expected an object`);
  return out;
}
