/**
 * Compares what a request model declares for a field with what the spec says about the parameter:
 * type family, optionality, default, and for enum-valued parameters which values the code
 * accepts. Each disagreement is one gap sentence ("Found X, expected Y").
 */
import type { CodeFact } from '../analyzer/facts.js';
import type { Field, JsonValue, TypeExpr } from '../model/schema.js';

type Family = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'null' | 'unknown';

/** The families a spec type admits (`string or array` → string, array). */
function specFamilies(type: TypeExpr): Set<Family> {
  switch (type.kind) {
    case 'string':
    case 'integer':
    case 'number':
    case 'boolean':
    case 'null':
    case 'array':
      return new Set([type.kind]);
    case 'map':
    case 'object':
      return new Set(['object']);
    case 'literal':
    case 'enum': {
      const values = type.kind === 'literal' ? [type.value] : type.values;
      return new Set(values.map((v) => (v === null ? 'null' : typeof v === 'number' ? 'number' : (typeof v as Family))));
    }
    case 'union':
      return new Set(type.variants.flatMap((v) => [...specFamilies(v)]));
    default:
      return new Set(['unknown']);
  }
}

const WORDS: [RegExp, Family][] = [
  [/\b(str|string|Literal|z\.literal|z\.enum|AnyUrl|HttpUrl)\b|['"]/, 'string'],
  [/\b(int|integer|bigint|z\.number\(\)\.int)\b/, 'integer'],
  [/\b(float|number|Decimal)\b/, 'number'],
  [/\b(bool|boolean)\b/, 'boolean'],
  [/\b(list|List|Sequence|tuple|array|Array)\b|\[\]/, 'array'],
  [/\b(dict|Dict|Mapping|object|Record|BaseModel|map|TypedDict)\b|\{/, 'object'],
  [/\b(None|null|undefined)\b/, 'null'],
  [/\b(Any|any|unknown|Json)\b/, 'unknown'],
];

/** Families a declared type text admits, read from its words (Python or TypeScript). */
export function declaredFamilies(text: string): Set<Family> {
  // The element or value type of a container says nothing about the field's own family.
  const outer = text.replace(/\b(list|List|Sequence|Array|array|dict|Dict|Mapping|Record)\s*[[<(].*$/s, (_m, word: string) => word);
  const out = new Set<Family>();
  for (const [re, family] of WORDS) if (re.test(outer)) out.add(family);
  return out;
}

function sameDefault(declared: string, spec: JsonValue | undefined): boolean {
  const norm = declared.trim().replace(/^['"]|['"]$/g, '');
  const map: Record<string, string> = { None: 'null', True: 'true', False: 'false', undefined: 'null' };
  const mine = map[norm] ?? norm;
  const theirs = spec === undefined ? 'null' : typeof spec === 'string' ? spec : JSON.stringify(spec);
  if (mine === theirs) return true;
  const a = Number(mine);
  const b = Number(theirs);
  return !Number.isNaN(a) && !Number.isNaN(b) && a === b;
}

/** Gap sentences for one declared field against the spec's field; empty when they agree. */
export function compareParam(fact: CodeFact, field: Field, enumValues: readonly string[]): string[] {
  const gaps: string[] = [];
  const where = `${fact.symbol}.${fact.field ?? field.name}`;
  if (fact.declaredType) {
    const declared = declaredFamilies(fact.declaredType);
    const spec = specFamilies(field.type);
    const unknown = declared.has('unknown') || spec.has('unknown') || declared.size === 0;
    const overlap = [...declared].some(
      (f) => spec.has(f) || (f === 'integer' && spec.has('number')) || (f === 'number' && spec.has('integer')),
    );
    if (!unknown && !overlap) {
      gaps.push(`${where}: found type \`${fact.declaredType}\`, expected ${field.typeText ?? [...spec].join(' or ')}`);
    }
  }
  if (fact.optional === false && field.required === false) {
    gaps.push(`${where}: found required, expected optional`);
  } else if (fact.optional === true && field.required === true) {
    gaps.push(`${where}: found optional, expected required`);
  }
  if (fact.default !== undefined && field.default !== undefined && !sameDefault(fact.default, field.default)) {
    gaps.push(`${where}: found default \`${fact.default}\`, expected \`${JSON.stringify(field.default)}\``);
  }
  if (fact.values && enumValues.length) {
    const accepted = new Set(fact.values);
    const missing = enumValues.filter((v) => !accepted.has(v));
    const extra = fact.values.filter((v) => !enumValues.includes(v));
    if (missing.length)
      gaps.push(
        `${where}: accepts ${enumValues.length - missing.length} of ${enumValues.length} values, not ${missing.map((v) => `\`${v}\``).join(', ')}`,
      );
    if (extra.length) gaps.push(`${where}: accepts ${extra.map((v) => `\`${v}\``).join(', ')}, which the spec does not list`);
  }
  return gaps;
}
