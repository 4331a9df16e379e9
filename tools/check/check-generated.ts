/** The generated part of `check`: the bytes `generate` would write against the bytes on disk. */
import type { Config } from '../config/schema.js';
import { planWrites } from '../io/write-plan.js';
import type { Mapping } from '../mapping/schema.js';
import type { Model } from '../model/schema.js';
import { join } from 'node:path';
import { generateStage } from '../pipeline/generate-stage.js';
import { BUILTIN_TEMPLATES_DIR } from '../pipeline/inputs.js';
import { Fingerprint, listFiles, memoSaysClean, writeMemo } from '../pipeline/fingerprint.js';
import { projectCacheDir } from '../cache/settings.js';
import type { Finding } from './findings.js';

const FIX = 'specmap sync';

/**
 * What the generators read, by content: model, mapping (lines aside: no output shows a line, so a
 * line shift must not cost a regeneration), config, templates and the current output folder. A
 * clean comparison is memoised under this key; the same key later means the same clean answer
 * without loading a template or a generator.
 */
function generatedKey(model: Model, config: Config, root: string, mapping: Mapping | undefined): string {
  const withoutLines = mapping && JSON.stringify(mapping, (key, value) => (key === 'line' ? undefined : value));
  const fp = new Fingerprint(root)
    .text('model', JSON.stringify(model))
    .text('mapping', withoutLines ?? '')
    .text('config', JSON.stringify(config));
  const templates = listFiles(BUILTIN_TEMPLATES_DIR, '.').map((p) => join(BUILTIN_TEMPLATES_DIR, p));
  if (config.generate.templates) templates.push(...listFiles(root, config.generate.templates));
  return fp.files(templates).files(listFiles(root, config.generate.outDir)).digest();
}

const MEMO = 'generated-state';

export async function checkGenerated(
  model: Model,
  config: Config,
  root: string,
  mapping: Mapping | undefined,
  noCache = false,
  modelBuilt = false,
): Promise<Omit<Finding, 'severity'>[]> {
  const cacheDir = noCache ? undefined : projectCacheDir(config, root);
  const key = generatedKey(model, config, root, mapping);
  if (memoSaysClean(cacheDir, key, MEMO)) return [];
  const files = await generateStage(model, config, root, mapping, modelBuilt);
  const plan = planWrites(root, files);
  const { createTwoFilesPatch } = await import('diff');
  const out: Omit<Finding, 'severity'>[] = [];
  for (const { file, before } of plan.changed) {
    if (before === undefined) {
      out.push({
        kind: 'generated-missing',
        file: file.path,
        message: `${file.path} does not exist; ${file.producedBy} writes it`,
        fix: FIX,
      });
    } else {
      const diff = createTwoFilesPatch(`a/${file.path}`, `b/${file.path}`, before, file.content, 'on disk', 'generated', { context: 2 });
      out.push({
        kind: 'generated-stale',
        file: file.path,
        message: `${file.path} differs from what ${file.producedBy} writes`,
        diff,
        fix: FIX,
      });
    }
  }
  const produced = new Set(files.map((f) => f.path));
  for (const path of listFiles(root, config.generate.outDir)) {
    if (!produced.has(path))
      out.push({
        kind: 'generated-orphan',
        file: path,
        message: `${path} is in the output folder but no generator produces it`,
        fix: `delete ${path}, or move it out of ${config.generate.outDir}`,
      });
  }
  if (!out.length) writeMemo(cacheDir, key, MEMO);
  return out;
}
