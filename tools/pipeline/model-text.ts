/**
 * The bytes of `spec/model.json` for a model: one function, so that "up to date" means "the same
 * bytes".
 *
 * The file ends with a build record (`build`): the hash of everything the model was built from
 * (the sources' bytes and settings, the config parts that shape it, the specmap that built it),
 * the build's warnings, and a hash of the record's inputs, the warnings and the rest of the text.
 * A run with no cache (a fresh CI checkout) whose inputs hash the same takes the file as the model
 * instead of parsing the sources again: the build is deterministic, so those bytes are the ones a
 * build would make. Any edit to the file (a hand's, a merge's, a formatter's) breaks the hash and
 * the sources are parsed as before.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { toJsonText } from '../io/json.js';
import type { Model, ModelBuild } from '../model/schema.js';

const MODEL_SCHEMA_URL = 'https://specmap.dev/schema/model.schema.json';

/** The record is the file's last member; a raw line break never occurs inside a JSON string, so this only matches it. */
const BUILD_MEMBER = ',\n  "build": ';
const END = '\n}\n';

/** The model's own text: the model file without its build record. */
export function modelText(model: Model): string {
  const { build: _record, ...own } = model;
  return toJsonText({ $schema: MODEL_SCHEMA_URL, ...own });
}

/** The model file's text: the model, then how it was built from `inputs` (see `modelInputsHash`) and what that build reported. */
export function modelFileText(model: Model, inputs: string, diagnostics: readonly Diagnostic[]): string {
  return withRecord(modelText(model), inputs, diagnostics);
}

function recordHash(inputs: string, body: string, diagnostics: readonly Diagnostic[]): string {
  return createHash('sha256').update(inputs).update('\0').update(JSON.stringify(diagnostics)).update('\0').update(body).digest('hex');
}

/** `body` (a model's text) with the record as its last member: what `toJsonText` makes of the model with `build` added. */
function withRecord(body: string, inputs: string, diagnostics: readonly Diagnostic[]): string {
  const build: ModelBuild = { inputs, diagnostics: [...diagnostics], sha256: recordHash(inputs, body, diagnostics) };
  return body.slice(0, -END.length) + BUILD_MEMBER + JSON.stringify(build, null, 2).replace(/\n/g, '\n  ') + END;
}

/**
 * The model and its build's warnings, from the text of a model file whose record says it was built
 * from `inputs` and whose text is still the one written with it; undefined for any other text.
 */
export function modelFromFileText(text: string, inputs: string): { model: Model; diagnostics: Diagnostic[] } | undefined {
  const at = text.lastIndexOf(BUILD_MEMBER);
  if (at < 0 || !text.endsWith(END)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const { $schema: _url, build, ...model } = raw as Record<string, unknown>;
  if (!isRecord(build) || build.inputs !== inputs) return undefined;
  // The text is the record's own rendering, so its hash covers every key of every warning.
  if (withRecord(text.slice(0, at) + END, inputs, build.diagnostics) !== text) return undefined;
  return { model: model as Model, diagnostics: build.diagnostics };
}

/**
 * A record as the build writes it (ModelBuildSchema in model/schema.ts, checked here by hand: the
 * hook path loads no Zod). Its warnings are replayed as they are, so each must be one.
 */
function isRecord(v: unknown): v is ModelBuild {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return typeof r.inputs === 'string' && typeof r.sha256 === 'string' && Array.isArray(r.diagnostics) && r.diagnostics.every(isWarning);
}

function isWarning(v: unknown): v is Diagnostic {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Record<string, unknown>;
  return (
    d.severity === 'warning' &&
    typeof d.code === 'string' &&
    typeof d.file === 'string' &&
    Number.isInteger(d.line) &&
    Number.isInteger(d.column) &&
    typeof d.message === 'string' &&
    (d.hint === undefined || typeof d.hint === 'string')
  );
}
