/**
 * Stream profiles: the grammar of one API's event stream as data (profiles/streams/*.json) — the
 * lifecycle table, the families that open and close items and parts, where streamed text lands, the
 * ordering field. `verify` compiles one into `StreamProfile`; checks read only that, never a type
 * string of their own. Without a profile, only framing, schema and per-type checks run.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../diagnostics/errors.js';
import type { Model } from '../model/schema.js';
import { listBundled, readBundledJson } from '../profiles/bundled-dir.js';

export type Role = 'pre' | 'start' | 'progress' | 'item' | 'terminal' | 'abort';
const RoleSchema = z.enum(['pre', 'start', 'progress', 'item', 'terminal', 'abort']);
/** Phases are the profile's own names; `initial` and `ended` are where every stream starts and stops. */
export type Phase = string;
/** A part kind is the profile's name for one kind of part inside an item (`content`, `summary`). */
export type PartKind = string;

const TextRuleSchema = z.strictObject({ slot: z.string(), field: z.string() });

const StreamProfileFileSchema = z.strictObject({
  $comment: z.string().optional(),
  name: z.string(),
  /** Used without being named when the model holds every one of these events. */
  detect: z.strictObject({ events: z.array(z.string()).min(1) }).optional(),
  /** The integer field that numbers events one by one (check 4); absent: not checked. */
  sequenceField: z.string().optional(),
  /** A real client that reads this stream for a second opinion (only the `openai` SDK's Responses helper exists). */
  sdkClient: z.literal('openai-responses').optional(),
  lifecycle: z.strictObject({
    /** Events of this category move the stream along, by the last segment of their type. */
    category: z.string(),
    /** Events of this category abort the stream anywhere. */
    abortCategory: z.string(),
    roles: z.record(z.string(), RoleSchema),
    grammar: z.record(z.string(), z.record(z.string(), z.string())),
    recover: z.record(RoleSchema, z.string()),
    expected: z.record(z.string(), z.string()),
    endExpected: z.string(),
    /** The field of a start or terminal event that holds the whole object (`response`), and its list of items (`output`). */
    terminalPayload: z.string(),
    terminalOutput: z.string(),
  }),
  items: z.strictObject({
    family: z.string(),
    payload: z.string(),
    idField: z.string(),
    indexField: z.string(),
    keys: z.array(z.string()),
    inProgress: z.record(z.string(), z.string()).default({}),
    familyItemTypes: z.record(z.string(), z.array(z.string())).default({}),
    /** A family this regex matches belongs to the item type of its first group. */
    derivedItemType: z.string().optional(),
  }),
  parts: z.strictObject({
    families: z.record(z.string(), z.string()),
    kinds: z.record(z.string(), z.strictObject({ index: z.string(), list: z.string(), payload: z.string() })),
  }),
  text: z.strictObject({ deltaField: z.string(), families: z.record(z.string(), TextRuleSchema) }),
});

/** Where a streamed text lands once its part or item is done (check 7). */
export interface TextRule {
  slot: PartKind | 'item';
  field: string;
  item: (item: Record<string, unknown>, index: number) => unknown;
  part?: (part: Record<string, unknown>) => unknown;
}

/*
 * Tables keyed by names that come from the sources or a trace are Maps: a plain object would answer
 * for `constructor`, `toString` or `__proto__` with what its prototype holds.
 */
export interface StreamProfile {
  name: string;
  /** Events a model must hold for this grammar to fit it (and, in a model of several APIs, the API it fits). */
  detect: readonly string[];
  sequenceField?: string;
  sdkClient?: 'openai-responses';
  lifecycle: {
    category: string;
    abortCategory: string;
    roles: ReadonlyMap<string, Role>;
    grammar: ReadonlyMap<Phase, ReadonlyMap<Role, Phase>>;
    recover: ReadonlyMap<Role, Phase>;
    expected: ReadonlyMap<Phase, string>;
    endExpected: string;
    terminalPayload: string;
    terminalOutput: string;
  };
  items: {
    family: string;
    payload: string;
    idField: string;
    indexField: string;
    keys: readonly string[];
    inProgress: ReadonlyMap<string, string>;
    familyItemTypes: ReadonlyMap<string, readonly string[]>;
    derivedItemType?: RegExp;
  };
  parts: {
    families: ReadonlyMap<string, PartKind>;
    kinds: ReadonlyMap<PartKind, { index: string; list: string; payload: string }>;
  };
  text: { deltaField: string; families: ReadonlyMap<string, TextRule> };
}

const entries = <T>(record: Record<string, T>): Map<string, T> => new Map(Object.entries(record));
const at = (list: unknown, index: number): Record<string, unknown> | undefined =>
  Array.isArray(list) ? (list[index] as Record<string, unknown> | undefined) : undefined;

function compile(file: z.output<typeof StreamProfileFileSchema>): StreamProfile {
  const kinds = entries(file.parts.kinds);
  const text = new Map<string, TextRule>();
  for (const [family, rule] of Object.entries(file.text.families)) {
    const kind = kinds.get(rule.slot);
    text.set(
      family,
      kind
        ? { slot: rule.slot, field: rule.field, item: (i, n) => at(i[kind.list], n)?.[rule.field], part: (p) => p[rule.field] }
        : { slot: 'item', field: rule.field, item: (i) => i[rule.field] },
    );
  }
  const l = file.lifecycle;
  return {
    name: file.name,
    detect: file.detect?.events ?? [],
    ...(file.sequenceField && { sequenceField: file.sequenceField }),
    ...(file.sdkClient && { sdkClient: file.sdkClient }),
    lifecycle: {
      category: l.category,
      abortCategory: l.abortCategory,
      roles: entries(l.roles),
      grammar: new Map(Object.entries(l.grammar).map(([phase, next]) => [phase, entries(next) as Map<Role, Phase>])),
      recover: entries(l.recover) as Map<Role, Phase>,
      expected: entries(l.expected),
      endExpected: l.endExpected,
      terminalPayload: l.terminalPayload,
      terminalOutput: l.terminalOutput,
    },
    items: {
      family: file.items.family,
      payload: file.items.payload,
      idField: file.items.idField,
      indexField: file.items.indexField,
      keys: file.items.keys,
      inProgress: entries(file.items.inProgress),
      familyItemTypes: entries(file.items.familyItemTypes),
      ...(file.items.derivedItemType !== undefined && { derivedItemType: new RegExp(file.items.derivedItemType) }),
    },
    parts: { families: entries(file.parts.families), kinds },
    text: { deltaField: file.text.deltaField, families: text },
  };
}

/** The stream profiles shipped in profiles/streams/, in the order detection tries them. */
const BUNDLED_STREAM_PROFILES: readonly string[] = listBundled('streams/');

const bundled = new Map<string, StreamProfile>();

function parseProfile(value: unknown, from: string): StreamProfile {
  const parsed = StreamProfileFileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(
      `Found a stream profile ${from} with ${issue.message} at \`${issue.path.join('.') || '(root)'}\`, expected the shape of the bundled stream profiles (profiles/streams/)`,
    );
  }
  return compile(parsed.data);
}

export function getBundledStreamProfile(name: string): StreamProfile | undefined {
  if (!BUNDLED_STREAM_PROFILES.includes(name)) return undefined;
  let profile = bundled.get(name);
  if (!profile) {
    profile = parseProfile(readBundledJson(`streams/${name}.json`), name);
    bundled.set(name, profile);
  }
  return profile;
}

const detectOf = (name: string): readonly string[] => {
  const raw = readBundledJson(`streams/${name}.json`) as { detect?: { events?: string[] } };
  return raw.detect?.events ?? [];
};

/**
 * The profile `verify` uses: `none` → no grammar; a bundled name; a `.json` path (relative to `root`);
 * omitted → the first bundled profile whose detect events the model holds, else none.
 */
export function resolveStreamProfile(setting: string | undefined, model: Pick<Model, 'events'>, root: string): StreamProfile | undefined {
  if (setting === 'none') return undefined;
  if (setting === undefined) {
    const types = new Set(model.events.map((e) => e.type));
    const name = BUNDLED_STREAM_PROFILES.find((n) => detectOf(n).every((t) => types.has(t)));
    return name ? getBundledStreamProfile(name) : undefined;
  }
  const named = getBundledStreamProfile(setting);
  if (named) return named;
  if (!setting.endsWith('.json')) {
    throw new ConfigError(
      `Found verify profile \`${setting}\`, expected \`none\`, one of ${BUNDLED_STREAM_PROFILES.map((n) => `\`${n}\``).join(', ')} or a path to a \`.json\` stream profile`,
    );
  }
  const path = resolve(root, setting);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read the stream profile ${setting}: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`Found a stream profile ${setting} that is not JSON (${(error as Error).message}), expected a JSON object`);
  }
  return parseProfile(value, setting);
}
