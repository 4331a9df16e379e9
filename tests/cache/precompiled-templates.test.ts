/**
 * The built tool renders its own templates from the build's precompiled specs
 * (dist/generate/precompiled-templates.js) without compiling them, renders them byte for byte as
 * the sources do compiling them at run time, and still compiles a template whose text is not the
 * one the build compiled (a user's override).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigSchema } from '../../tools/config/schema.js';
import { generate as generateFromSources } from '../../tools/generate/generate.js';
import type { TemplateSet } from '../../tools/generate/templates.js';
import type { OutputFile } from '../../tools/io/write-plan.js';
import type { Model } from '../../tools/model/schema.js';
import { fixtureModel } from '../generate/fixture-model.js';

const repo = join(import.meta.dirname, '..', '..');
const templateDir = join(repo, 'templates');
const builtModule = join(repo, 'dist', 'generate', 'precompiled-templates.js');

interface Built {
  PRECOMPILED_WITH: string;
  PRECOMPILED: { text: string; spec: unknown }[];
}

/** Texts compiled at run time by any Handlebars environment made from now on. */
function watchCompiles(): string[] {
  const compiled: string[] = [];
  const create = Handlebars.create.bind(Handlebars);
  vi.spyOn(Handlebars, 'create').mockImplementation(() => {
    const hb = create();
    const precompile = hb.precompile.bind(hb);
    hb.precompile = (text: unknown, options?: PrecompileOptions) => {
      compiled.push(String(text));
      return precompile(text, options);
    };
    return hb;
  });
  return compiled;
}
type PrecompileOptions = Parameters<typeof Handlebars.precompile>[1];

afterEach(() => {
  vi.restoreAllMocks();
});

const config = ConfigSchema.parse({ sources: [{ path: 'demo.md' }] });
const builtGenerate = async () =>
  (await import(join(repo, 'dist', 'generate', 'generate.js'))) as {
    generate: (model: Model, cfg: typeof config, inputs?: { templates?: TemplateSet }) => OutputFile[];
  };

describe('the precompiled templates', () => {
  it('are every built-in template with its text as it is now, compiled by the installed Handlebars', async () => {
    const built = (await import(builtModule)) as Built;
    expect(built.PRECOMPILED_WITH).toBe(Handlebars.VERSION);
    const names = readdirSync(templateDir).filter((n) => n.endsWith('.hbs'));
    expect(names.length).toBeGreaterThan(0);
    expect(built.PRECOMPILED.map((p) => p.text).sort()).toEqual(names.map((n) => readFileSync(join(templateDir, n), 'utf8')).sort());
  });

  it('render what a compile at run time renders, and the built tool compiles none of them', async () => {
    const compiled = watchCompiles();
    const { generate } = await builtGenerate();
    const fromBuild = generate(fixtureModel(), config);
    const builtins = new Set(readdirSync(templateDir).map((n) => readFileSync(join(templateDir, n), 'utf8')));
    expect(compiled.filter((t) => builtins.has(t))).toEqual([]);
    const fromSources = generateFromSources(fixtureModel(), config);
    expect(fromBuild.length).toBeGreaterThan(10);
    expect(fromBuild.map((f) => [f.path, f.content])).toEqual(fromSources.map((f) => [f.path, f.content]));
  });

  it('leave a template of other text to be compiled at run time', async () => {
    const compiled = watchCompiles();
    const { generate } = await builtGenerate();
    const { loadTemplates } = (await import(join(repo, 'dist', 'generate', 'templates.js'))) as { loadTemplates: () => TemplateSet };
    const override = '{{! our own }}override tracker\n';
    const templates: TemplateSet = { ...loadTemplates(), 'tracker.md.hbs': { text: override, origin: 'mine/tracker.md.hbs' } };
    const files = generate(fixtureModel(), config, { templates });
    expect(compiled).toEqual([override]);
    expect(files.filter((f) => f.content.includes('override tracker')).length).toBeGreaterThan(0);
  });
});
