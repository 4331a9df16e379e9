/**
 * `generate(model, config, inputs) → OutputFile[]`: every configured target, rendered from
 * templates, never written (the one write path is tools/io). Pure and deterministic: everything it
 * reads (mapping, the current contents of earlier outputs, templates) comes in `inputs`, so `check`
 * can call exactly this function and compare bytes.
 */
import { posix } from 'node:path';
import type { Config } from '../config/schema.js';
import { DiagnosticBag, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { GeneratorError } from '../diagnostics/errors.js';
import type { OutputFile } from '../io/write-plan.js';
import type { Mapping } from '../mapping/schema.js';
import { ModelSchema, type Model } from '../model/schema.js';
import { compareStrings } from '../model/sort.js';
import { normalOutDir, type GenerateContext, type Target } from './context.js';
import { planSchemas } from './shape/schema-plan.js';
import { jsonSchemaTarget } from './targets/json-schema.js';
import { pydanticTarget } from './targets/pydantic.js';
import { stubsPyTarget } from './targets/stubs-py.js';
import { stubsTsTarget } from './targets/stubs-ts.js';
import { trackerTarget } from './targets/tracker.js';
import { typesTarget } from './targets/types.js';
import { zodTarget } from './targets/zod.js';
import { loadTemplates, TemplateRenderer, type TemplateSet } from './templates.js';
import { buildRuntimeSchemas, type RuntimeSchemas } from './zod/runtime-schemas.js';

export interface GenerateInputs {
  /** mapping.json, when `map` has written one: fills the tracker's code columns. */
  mapping?: Mapping;
  /** Current contents of earlier outputs (workspace-relative path → text): manual tracker cells, edited stubs. */
  existing?: ReadonlyMap<string, string>;
  /** Templates; defaults to the built-in ones (see `loadTemplates` for the user's overrides). */
  templates?: TemplateSet;
  /**
   * True when the model is this tool's reader's own output (built in this process, or a model file
   * whose build record vouches for its bytes; not the cache's entry nor a model file given by hand):
   * it is of the model's shape by construction, and its schema check is skipped.
   */
  modelBuilt?: boolean;
}

export interface GenerateResult {
  files: OutputFile[];
  diagnostics: Diagnostic[];
}

type TargetName = Config['generate']['targets'][number];

const TARGETS: Record<TargetName, Target> = {
  zod: zodTarget,
  types: typesTarget,
  'json-schema': jsonSchemaTarget,
  tracker: trackerTarget,
  'stubs-ts': stubsTsTarget,
  'stubs-py': stubsPyTarget,
  pydantic: pydanticTarget,
};

/** Targets that import another target's output bring it along (types import the schemas, stubs the types). */
const NEEDS: Partial<Record<TargetName, TargetName[]>> = { types: ['zod'], 'stubs-ts': ['zod', 'types'] };

function selectedTargets(targets: readonly TargetName[]): TargetName[] {
  const wanted = new Set<TargetName>();
  for (const t of targets) for (const n of [t, ...(NEEDS[t] ?? [])]) wanted.add(n);
  return (Object.keys(TARGETS) as TargetName[]).filter((t) => wanted.has(t));
}

function itemAt(model: unknown, path: readonly PropertyKey[]): string {
  let node: unknown = model;
  let label = 'the model';
  for (const seg of path) {
    if (node === null || typeof node !== 'object') break;
    node = (node as Record<PropertyKey, unknown>)[seg as string];
    const id = node && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
    if (typeof id === 'string') label = id;
  }
  return label;
}

function checkModel(model: unknown, config: Config, bag: DiagnosticBag): model is Model {
  let result: ReturnType<typeof ModelSchema.safeParse>;
  try {
    result = ModelSchema.safeParse(model);
  } catch (error) {
    // A hand-made model.json can nest deeper than the stack; extract refuses such sources.
    if (!(error instanceof RangeError)) throw error;
    bag.error({
      code: 'model-invalid',
      file: config.model,
      line: 1,
      column: 1,
      message: `Found a model nested too deeply to check (${error.message}), expected types and examples nested at most a few dozen levels`,
      hint: 'rebuild it with `specmap extract`',
    });
    return false;
  }
  if (result.success) return true;
  for (const issue of result.error.issues.slice(0, 50)) {
    bag.error({
      code: 'model-invalid',
      file: config.model,
      line: 1,
      column: 1,
      message: `Unexpected model content in ${itemAt(model, issue.path)} at \`${issue.path.join('.')}\`: ${issue.message}, expected a model matching schema/model.schema.json`,
      hint: 'rebuild it with `specmap extract`',
    });
  }
  return false;
}

function normaliseOutDir(outDir: string, bag: DiagnosticBag): string | undefined {
  const norm = normalOutDir(outDir);
  if (posix.isAbsolute(norm) || /^[A-Za-z]:/.test(norm) || norm === '..' || norm.startsWith('../')) {
    bag.error({
      code: 'output-outside-workspace',
      file: 'specmap.config.json',
      line: 1,
      column: 1,
      message: `Unexpected output folder \`${outDir}\` (generate.outDir), expected a folder inside the project`,
      hint: 'set generate.outDir to a relative path such as `generated`',
    });
    return undefined;
  }
  return norm;
}

/** Like `generate`, but returns warnings too and leaves failing to the caller. */
export function generateWithDiagnostics(model: Model, config: Config, inputs: GenerateInputs = {}): GenerateResult {
  const bag = new DiagnosticBag();
  const outDir = normaliseOutDir(config.generate.outDir, bag);
  if (!(inputs.modelBuilt === true || checkModel(model, config, bag)) || outDir === undefined)
    return { files: [], diagnostics: bag.sorted() };
  const plan = planSchemas(model, { objects: config.generate.zodObjects });
  for (const name of plan.unresolvedRefs) {
    bag.warn({
      code: 'unresolved-ref',
      file: config.model,
      line: 1,
      column: 1,
      message: `Unexpected reference to \`${name}\`, expected a name in the model's \`schemas\`; typed as unknown`,
    });
  }
  let runtime: RuntimeSchemas | undefined;
  const ctx: GenerateContext = {
    model,
    config,
    plan,
    runtime: () => (runtime ??= buildRuntimeSchemas(model, { objects: config.generate.zodObjects })),
    render: new TemplateRenderer(inputs.templates ?? loadTemplates(), bag),
    bag,
    mapping: inputs.mapping,
    existing: inputs.existing ?? new Map(),
    outDir,
  };
  const files = selectedTargets(config.generate.targets).flatMap((t) => TARGETS[t](ctx));
  files.sort((a, b) => compareStrings(a.path, b.path));
  return { files: hasErrors(bag.items) ? [] : files, diagnostics: bag.sorted() };
}

/** Every configured target as files; throws a GeneratorError carrying every diagnostic when anything failed. */
export function generate(model: Model, config: Config, inputs: GenerateInputs = {}): OutputFile[] {
  const { files, diagnostics } = generateWithDiagnostics(model, config, inputs);
  if (hasErrors(diagnostics)) throw new GeneratorError('generate failed', diagnostics);
  return files;
}
