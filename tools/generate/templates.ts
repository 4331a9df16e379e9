/**
 * Template loading and rendering. Built-in templates live in the package's `templates/`; a user's
 * `generate.templates` folder overrides any of them by file name. Handlebars compiles with
 * `strict: true` (an unknown variable is an error, not an empty string) and `noEscape: true`
 * (view-models escape for where text lands, see escape.ts). Errors become diagnostics that name
 * the template file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { PRECOMPILED, PRECOMPILED_WITH, type TemplateSpecification } from './precompiled-templates.js';

const TEMPLATE_NAMES = [
  'zod.ts.hbs',
  'types.ts.hbs',
  'tracker.md.hbs',
  'dispatch.ts.hbs',
  'stubs.ts.hbs',
  'stub.ts.hbs',
  'builders.py.hbs',
  'builder.py.hbs',
  'pydantic.py.hbs',
] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

interface TemplateSource {
  text: string;
  /** Where it came from, for diagnostics (`templates/zod.ts.hbs` or the user's file). */
  origin: string;
}
export type TemplateSet = Record<TemplateName, TemplateSource>;

/** `templates/` of the package: two levels up from both `tools/generate/` and `dist/generate/`. */
function builtinTemplateDir(): string {
  return fileURLToPath(new URL('../../templates/', import.meta.url));
}

let builtinCache: TemplateSet | undefined;

/** Built-in templates, overridden file by file by `overrideDir` (absolute) when given. */
export function loadTemplates(overrideDir?: string): TemplateSet {
  if (!builtinCache) {
    const dir = builtinTemplateDir();
    builtinCache = Object.fromEntries(
      TEMPLATE_NAMES.map((name) => [name, { text: readFileSync(join(dir, name), 'utf8'), origin: `templates/${name}` }]),
    ) as TemplateSet;
  }
  if (!overrideDir) return builtinCache;
  const set = { ...builtinCache };
  for (const name of TEMPLATE_NAMES) {
    const path = resolve(overrideDir, name);
    if (existsSync(path)) set[name] = { text: readFileSync(path, 'utf8'), origin: path };
  }
  return set;
}

/** Line and column from a Handlebars message (`Parse error on line 3:` or `… - 3:7`). */
function positionOf(message: string): { line: number; column: number } {
  const parse = /on line (\d+)/.exec(message);
  if (parse) return { line: Number(parse[1]), column: 1 };
  const runtime = / - (\d+):(\d+)\s*$/.exec(message);
  if (runtime) return { line: Number(runtime[1]), column: Number(runtime[2]) + 1 };
  return { line: 1, column: 1 };
}

export class TemplateRenderer {
  private readonly compiled = new Map<TemplateName, Handlebars.TemplateDelegate | null>();
  private readonly hb = Handlebars.create();

  constructor(
    private readonly set: TemplateSet,
    private readonly bag: DiagnosticBag,
  ) {}

  /** Renders `name` with `view`; on error records a diagnostic naming the template and `item`, returns ''. */
  render(name: TemplateName, view: object, item: string = name): string {
    const fn = this.compile(name);
    if (!fn) return '';
    try {
      return fn(view);
    } catch (error) {
      const message = (error as Error).message;
      this.bag.error({
        code: 'template-render-failed',
        file: this.set[name].origin,
        ...positionOf(message),
        message: `Unexpected failure rendering ${item}: ${message.split('\n')[0]}, expected only the variables the view-model provides`,
        hint: `fix the template ${this.set[name].origin} (strict mode: every variable must exist)`,
      });
      return '';
    }
  }

  private compile(name: TemplateName): Handlebars.TemplateDelegate | null {
    if (this.compiled.has(name)) return this.compiled.get(name)!;
    const source = this.set[name];
    const spec = templateSpec(this.hb, source.text);
    let fn: Handlebars.TemplateDelegate | null = null;
    if (spec instanceof Error) {
      const message = spec.message;
      this.bag.error({
        code: 'template-syntax',
        file: source.origin,
        ...positionOf(message),
        message: `Unexpected template syntax: ${message.split('\n').filter(Boolean).slice(-1)[0] ?? message}, expected valid Handlebars`,
        hint: `fix the syntax of ${source.origin}`,
      });
    } else {
      fn = this.hb.template(spec);
    }
    this.compiled.set(name, fn);
    return fn;
  }
}

/** How every template is compiled, here and by the build's precompiler (scripts/finish-build.ts). */
export const TEMPLATE_OPTIONS = { strict: true, noEscape: true } as const;

/**
 * Template text → its compiled form, or the error compiling it: each text is compiled once per
 * process, and the built-in ones not at all in the built tool (precompiled-templates.ts).
 */
const specs = new Map<string, TemplateSpecification | Error>(
  PRECOMPILED_WITH === Handlebars.VERSION ? PRECOMPILED.map((p) => [p.text, p.spec]) : [],
);

/**
 * The template compiled as Handlebars' own precompiler does it for a build step, so it is compiled
 * once: eagerly, so a syntax error is found before the first render (`compile` defers it), and
 * without `compile`'s second pass over the same text at that render.
 */
function templateSpec(hb: typeof Handlebars, text: string): TemplateSpecification | Error {
  let spec = specs.get(text);
  if (spec === undefined) {
    try {
      // The precompiler's output is the source of an object literal, the form `template` takes.
      spec = new Function(`return ${hb.precompile(text, TEMPLATE_OPTIONS)};`)() as TemplateSpecification;
    } catch (error) {
      spec = error instanceof Error ? error : new Error(String(error));
    }
    specs.set(text, spec);
  }
  return spec;
}
