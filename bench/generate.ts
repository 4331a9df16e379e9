/**
 * Generate benchmark, one process: every generate target (Zod, TS types,
 * JSON Schema, tracker, TS and Python stubs, Pydantic) for the merged model (the three docs pages +
 * openai-openapi-2026-08-21.yaml, read from ../shared at run time), against @hey-api/openapi-ts
 * generating Zod schemas (its `zod` plugin) for that same spec. Model building is timed apart and
 * not counted: generate starts from a model, hey-api from the spec file, so hey-api's figure
 * includes parsing the 3 MB YAML; both figures and the ratio are printed, with generate + model
 * build as well. Medians of RUNS (default 3) after one warm-up.
 * Run: `npx tsx bench/generate.ts` (no build needed).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createClient } from '@hey-api/openapi-ts';
import { ConfigSchema } from '../tools/config/schema.js';
import { generate } from '../tools/generate/generate.js';
import { buildModel } from '../tools/sources/load.js';

const RUNS = Number(process.env.RUNS ?? 3);
const ROOT = resolve(import.meta.dirname, '..');
const REF = '../shared/reference';
const SPEC = resolve(ROOT, REF, 'openapi/openai-openapi-2026-08-21.yaml');
const config = ConfigSchema.parse({
  sources: [
    ...['DOC_streaming_events.md', 'DOC_responses.md', 'DOC_conversations.md'].map((f) => ({ path: `${REF}/openai-docs/${f}` })),
    { path: `${REF}/openapi/openai-openapi-2026-08-21.yaml`, pathPrefix: '/v1' },
  ],
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function measure<T>(f: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  let value = await f();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    value = await f();
    times.push(performance.now() - t);
  }
  return { ms: median(times), value };
}
const fmt = (ms: number) => `${ms.toFixed(0).padStart(6)} ms`;
const sizeOf = (dir: string): number =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .reduce((n, d) => n + statSync(join(d.parentPath, d.name)).size, 0);

const built = await measure(() => buildModel(config, ROOT));
const model = built.value.model;
console.log(
  `generate bench: merged model (${model.events.length} events, ${Object.keys(model.schemas).length} named shapes, ${model.objects.length} objects), median of ${RUNS}\n`,
);

const ours = await measure(() => generate(model, config));
const files = ours.value;
const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.content), 0);

mkdirSync(join(ROOT, 'bench', '.out'), { recursive: true });
const out = mkdtempSync(join(ROOT, 'bench', '.out', 'hey-api-zod-'));
const hey = await measure(() => createClient({ input: SPEC, output: { path: out }, plugins: ['zod'], logs: { level: 'silent' } }));
const heyBytes = sizeOf(out);
rmSync(out, { recursive: true, force: true });

console.log(`model build (docs + OpenAPI, not counted)   ${fmt(built.ms)}`);
console.log(`specmap generate, all 7 targets           ${fmt(ours.ms)}   ${files.length} files, ${(bytes / 1e6).toFixed(2)} MB`);
console.log(`@hey-api/openapi-ts 0.95, zod plugin      ${fmt(hey.ms)}   ${(heyBytes / 1e6).toFixed(2)} MB (whole spec)`);
console.log(`\nratio hey-api / generate:                 ${(hey.ms / ours.ms).toFixed(2)}x (target > 1: generate faster)`);
console.log(`ratio hey-api / (model build + generate):  ${(hey.ms / (built.ms + ours.ms)).toFixed(2)}x`);
