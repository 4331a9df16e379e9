/**
 * `generate` as the pipeline runs it: the generators are pure, so the inputs they read (templates,
 * the outputs a human may have edited) come from `readGenerateInputs`, and the mapping is the one
 * the pipeline just computed. `sync` and `check` share it with `specmap generate`.
 */
import { recordTiming } from '../cache/timings.js';
import type { Config } from '../config/schema.js';
import type { OutputFile } from '../io/write-plan.js';
import type { Mapping } from '../mapping/schema.js';
import type { Model } from '../model/schema.js';

/** `modelBuilt`: `model` is the reader's own output (`ModelState.built`). */
export async function generateStage(
  model: Model,
  config: Config,
  root: string,
  mapping: Mapping | undefined,
  modelBuilt = false,
): Promise<OutputFile[]> {
  const t0 = performance.now();
  const [{ generate }, { readGenerateInputs }] = await Promise.all([import('../generate/generate.js'), import('../generate/inputs.js')]);
  const inputs = readGenerateInputs(root, config);
  const files = generate(model, config, { ...inputs, mapping, modelBuilt });
  recordTiming('generate', t0, files.length === 1 ? '1 file' : `${files.length} files`);
  return files;
}
