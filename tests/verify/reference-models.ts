/**
 * The three ways to describe the Responses API from the shared reference corpus, read in place: the
 * docs pages only, the newest OpenAPI document only, and both merged. And the reference server's own
 * recordings, by name.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigSchema } from '../../tools/config/schema.js';
import type { Model } from '../../tools/model/schema.js';
import { buildModel } from '../../tools/sources/load.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const RECORDINGS = join(ROOT, '../shared/recordings/openai');

const DOCS = ['DOC_streaming_events.md', 'DOC_responses.md', 'DOC_conversations.md'].map((f) => ({
  path: `../shared/reference/openai-docs/${f}`,
}));
const OPENAPI = [{ path: '../shared/reference/openapi/openai-openapi-2026-08-21.yaml', pathPrefix: '/v1' }];

export const SOURCE_SETS = { docs: DOCS, openapi: OPENAPI, merged: [...DOCS, ...OPENAPI] } as const;
export type SourceSet = keyof typeof SOURCE_SETS;

/**
 * The sets share their sources, and several test files (in either worker) read them: each source's
 * extract goes through the tool's own parsed-source cache (keyed by the file's bytes and the tool's
 * code), so a run parses the 3 MB OpenAPI document once instead of once per set and file. Each
 * set's model is built once per worker; the tests only read it.
 */
const EXTRACTS = join(ROOT, '.specmap/tmp/reference-extracts');
const built = new Map<SourceSet, Promise<Model>>();

export function referenceModel(set: SourceSet): Promise<Model> {
  let model = built.get(set);
  if (!model) {
    model = buildReferenceModel(set);
    built.set(set, model);
  }
  return model;
}

async function buildReferenceModel(set: SourceSet): Promise<Model> {
  const { model, diagnostics } = await buildModel(ConfigSchema.parse({ sources: SOURCE_SETS[set] }), ROOT, { cacheDir: EXTRACTS });
  const errors = diagnostics.sorted().filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(`reference model ${set}: ${errors[0]!.message}`);
  return model;
}

/** Every recording, sorted by name. */
export function recordings(): string[] {
  return readdirSync(RECORDINGS)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(RECORDINGS, f));
}
