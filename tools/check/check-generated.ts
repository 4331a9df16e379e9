/** The generated part of `check`: the bytes `generate` would write against the bytes on disk. */
import { createTwoFilesPatch } from 'diff';
import type { Config } from '../config/schema.js';
import { planWrites } from '../io/write-plan.js';
import type { Mapping } from '../mapping/schema.js';
import type { Model } from '../model/schema.js';
import { generateStage } from '../pipeline/generate-stage.js';
import type { Finding } from './findings.js';

const FIX = 'specmap sync';

export async function checkGenerated(model: Model, config: Config, root: string, mapping: Mapping | undefined): Promise<Omit<Finding, 'severity'>[]> {
  const { files, existing } = await generateStage(model, config, root, mapping);
  const plan = planWrites(root, files);
  const out: Omit<Finding, 'severity'>[] = [];
  for (const { file, before } of plan.changed) {
    if (before === undefined) {
      out.push({ kind: 'generated-missing', file: file.path, message: `${file.path} does not exist; ${file.producedBy} writes it`, fix: FIX });
    } else {
      const diff = createTwoFilesPatch(`a/${file.path}`, `b/${file.path}`, before, file.content, 'on disk', 'generated', { context: 2 });
      out.push({ kind: 'generated-stale', file: file.path, message: `${file.path} differs from what ${file.producedBy} writes`, diff, fix: FIX });
    }
  }
  const produced = new Set(files.map((f) => f.path));
  for (const path of existing.keys()) {
    if (!produced.has(path)) out.push({ kind: 'generated-orphan', file: path, message: `${path} is in the output folder but no generator produces it`, fix: `delete ${path}, or move it out of ${config.generate.outDir}` });
  }
  return out;
}
