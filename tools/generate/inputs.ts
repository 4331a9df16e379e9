/**
 * Reads what `generate` takes as input besides the model, so `generate` itself stays pure: the
 * mapping, the current contents of the outputs a human may have edited, and the templates.
 * `check` reads the same inputs and compares bytes.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '../config/schema.js';
import { ConfigError } from '../diagnostics/errors.js';
import { readMappingFile } from '../mapping/read.js';
import type { GenerateInputs } from './generate.js';
import { normalOutDir, outPath } from './context.js';
import { STUBS_FILE } from './targets/stubs-ts.js';
import { BUILDERS_FILE } from './targets/stubs-py.js';
import { TRACKER_FILE } from './tracker/columns.js';
import { loadTemplates } from './templates.js';

/** Outputs whose current text is an input (manual tracker cells, edited stubs). */
const EDITABLE_OUTPUTS = [TRACKER_FILE, STUBS_FILE, BUILDERS_FILE] as const;

export function readGenerateInputs(
  root: string,
  config: Config,
): Required<Pick<GenerateInputs, 'existing' | 'templates'>> & GenerateInputs {
  const existing = new Map<string, string>();
  const outDir = normalOutDir(config.generate.outDir);
  for (const rel of EDITABLE_OUTPUTS) {
    const path = outPath({ outDir }, rel);
    const abs = resolve(root, path);
    if (existsSync(abs)) existing.set(path, readFileSync(abs, 'utf8'));
  }
  let overrideDir: string | undefined;
  if (config.generate.templates) {
    overrideDir = resolve(root, config.generate.templates);
    if (!existsSync(overrideDir) || !statSync(overrideDir).isDirectory()) {
      throw new ConfigError(`template folder ${config.generate.templates} not found`, [
        {
          severity: 'error',
          code: 'templates-not-found',
          file: 'specmap.config.json',
          line: 1,
          column: 1,
          message: `Unexpected template folder \`${config.generate.templates}\`, expected an existing folder`,
          hint: 'fix generate.templates or create the folder',
        },
      ]);
    }
  }
  return { mapping: readMappingFile(resolve(root, config.mapping), config.mapping), existing, templates: loadTemplates(overrideDir) };
}
