/**
 * Which files a pipeline run reads: sources, templates, mapped code, mapping, model and the
 * generated output folder. `check` fingerprints them and decides from them which parts a set of
 * staged files can affect; `sync --watch` watches them.
 */
import { fileURLToPath } from 'node:url';
import { relative, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { Config } from '../config/schema.js';
import { listFiles } from '../check/fingerprint.js';

export interface PipelineInputs {
  root: string;
  sourcePaths: string[];
  templatePaths: string[];
  codePaths: string[];
  outputPaths: string[];
  mappingPath: string;
  modelPath: string;
  outDir: string;
  templatesDir: string | undefined;
  builtinTemplatesDir: string;
}

const toPosix = (p: string) => p.split('\\').join('/');

/** The templates shipped with specmap (repo `templates/`, beside `dist/`). */
export const BUILTIN_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** Files of every lane, workspace globs resolved against the config folder. */
export async function laneFiles(config: Config, root: string): Promise<string[]> {
  const workspace = resolve(root, config.workspace);
  const files = new Set<string>();
  for (const lane of config.lanes) {
    const found = await glob(lane.include, { cwd: workspace, ignore: ['**/node_modules/**', ...lane.exclude], absolute: true });
    for (const f of found) files.add(toPosix(relative(root, f)));
  }
  return [...files].sort();
}

export async function loadInputs(config: Config, root: string): Promise<PipelineInputs> {
  const sourcePaths: string[] = [];
  for (const s of config.sources) {
    if (isDynamicPattern(s.path)) sourcePaths.push(...(await glob(s.path, { cwd: root })).map(toPosix));
    else sourcePaths.push(toPosix(s.path));
  }
  const builtin = listFiles(BUILTIN_TEMPLATES_DIR, '.').map((p) => toPosix(relative(root, resolve(BUILTIN_TEMPLATES_DIR, p))));
  const user = config.generate.templates ? listFiles(root, config.generate.templates) : [];
  return {
    root,
    sourcePaths: sourcePaths.sort(),
    templatePaths: [...builtin, ...user].sort(),
    codePaths: await laneFiles(config, root),
    outputPaths: listFiles(root, config.generate.outDir),
    mappingPath: toPosix(config.mapping),
    modelPath: toPosix(config.model),
    outDir: toPosix(config.generate.outDir),
    templatesDir: config.generate.templates,
    builtinTemplatesDir: BUILTIN_TEMPLATES_DIR,
  };
}
