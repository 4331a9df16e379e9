/**
 * Which files a pipeline run reads: sources, templates, mapped code, mapping, model and the
 * generated output folder. `check` fingerprints them and decides from them which parts a set of
 * staged files can affect; `sync --watch` watches them.
 */
import { fileURLToPath } from 'node:url';
import { relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { Config } from '../config/schema.js';
import { listFiles } from './fingerprint.js';

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

/**
 * Files of every lane, workspace globs resolved against the config folder. One walk of the
 * workspace for all lanes (a walk per lane cost a warm check most of its time on a large tree),
 * then each file is kept when some lane includes it and does not exclude it.
 */
async function laneFiles(config: Config, root: string): Promise<string[]> {
  if (!config.lanes.length) return [];
  const workspace = resolve(root, config.workspace);
  const includes = [...new Set(config.lanes.flatMap((l) => l.include))];
  const found = await glob(includes, { cwd: workspace, ignore: ['**/node_modules/**'] });
  const lanes = config.lanes.map((l) => ({
    include: picomatch(l.include),
    exclude: l.exclude.length ? picomatch(l.exclude) : () => false,
  }));
  const files: string[] = [];
  for (const f of found) {
    if (lanes.some((l) => l.include(f) && !l.exclude(f))) files.push(toPosix(relative(root, resolve(workspace, f))));
  }
  return files.sort();
}

/** `lanes: false`: leave `codePaths` empty (a caller that lists the workspace itself saves a walk). */
export async function loadInputs(config: Config, root: string, options: { lanes?: boolean } = {}): Promise<PipelineInputs> {
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
    codePaths: options.lanes === false ? [] : await laneFiles(config, root),
    outputPaths: listFiles(root, config.generate.outDir),
    mappingPath: toPosix(config.mapping),
    modelPath: toPosix(config.model),
    outDir: toPosix(config.generate.outDir),
    templatesDir: config.generate.templates,
    builtinTemplatesDir: BUILTIN_TEMPLATES_DIR,
  };
}
