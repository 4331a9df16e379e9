/**
 * `generate` as the pipeline runs it: the generators are pure, so this module gathers what they
 * read (templates, mapping, the current contents of the output folder, whose manual tracker cells
 * and edited stubs must survive) and hands back files. `generate`, `sync` and `check` share it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '../config/schema.js';
import type { OutputFile } from '../io/write-plan.js';
import type { Mapping } from '../mapping/schema.js';
import type { Model } from '../model/schema.js';
import { listFiles } from '../check/fingerprint.js';

export function readOutputFolder(root: string, outDir: string): Map<string, string> {
  const existing = new Map<string, string>();
  for (const path of listFiles(root, outDir)) existing.set(path, readFileSync(resolve(root, path), 'utf8'));
  return existing;
}

export async function generateStage(model: Model, config: Config, root: string, mapping: Mapping | undefined): Promise<{ files: OutputFile[]; existing: Map<string, string> }> {
  const [{ generate }, { loadTemplates }] = await Promise.all([import('../generate/generate.js'), import('../generate/templates.js')]);
  const existing = readOutputFolder(root, config.generate.outDir);
  const templates = loadTemplates(config.generate.templates ? resolve(root, config.generate.templates) : undefined);
  return { files: generate(model, config, { mapping, existing, templates }), existing };
}
