/**
 * `diff` benchmark, in one run,
 * against floors measured in the same run:
 * (a) in process: js-yaml merely loading both files (floor); reading both into models with the
 *     OpenAPI reader (no cache); `diffModels` alone on the two models; and read + diff together;
 * (b) whole process: `node dist/cli.js diff OLD NEW` cold (`--no-cache`) and warm (parse cache
 *     filled by an earlier run), against `node -e 0` started the same way.
 * Medians of RUNS (default 3: the files are 3 MB each and the machine is shared), interleaved.
 * Run: `npm run build && npx tsx bench/diff.ts`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { DiagnosticBag } from '../tools/diagnostics/diagnostic.js';
import { diffModels } from '../tools/diff/diff-models.js';
import { loadSide } from '../tools/diff/load-side.js';
import type { Model } from '../tools/model/schema.js';
import { interleavedMedians, median } from './lib/interleaved.js';

const RUNS = Number(process.env.RUNS ?? 3);
const REPO = fileURLToPath(new URL('..', import.meta.url));
const SPECS = fileURLToPath(new URL('../../shared/reference/openapi/', import.meta.url));
const OLD = join(SPECS, 'openai-openapi-2026-05-13.yaml');
const NEW = join(SPECS, 'openai-openapi-2026-08-21.yaml');
const CLI = join(REPO, 'dist/cli.js');
if (!existsSync(CLI)) throw new Error('run `npm run build` first');

const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
const texts = [readFileSync(OLD, 'utf8'), readFileSync(NEW, 'utf8')];

async function readBoth(): Promise<[Model, Model]> {
  const bag = new DiagnosticBag();
  const a = await loadSide(OLD, { cwd: REPO, source: { pathPrefix: '/v1' } }, bag);
  const b = await loadSide(NEW, { cwd: REPO, source: { pathPrefix: '/v1' } }, bag);
  if (!a || !b) throw new Error('could not read the specs');
  return [a, b];
}

async function inProcess(): Promise<Record<string, number>> {
  const [a, b] = await readBoth(); // warm-up, and the models diffModels runs on
  const sides: Record<string, () => unknown> = {
    'js-yaml load x2 (floor)': () => texts.map((t) => yaml.load(t)),
    'read x2 (OpenAPI reader)': () => readBoth(),
    diffModels: () => diffModels(a, b),
    'read x2 + diffModels': async () => diffModels(...(await readBoth())),
  };
  return interleavedMedians(sides, RUNS);
}

function wholeProcess(): Record<string, number> {
  const dir = mkdtempSync(join(tmpdir(), 'specmap-bench-diff-'));
  // A project config, so that the warm run has a cache folder to use (inside the temp dir).
  writeFileSync(
    join(dir, 'specmap.config.json'),
    JSON.stringify({
      sources: [
        { path: OLD, pathPrefix: '/v1' },
        { path: NEW, pathPrefix: '/v1' },
      ],
    }),
  );
  const run = (args: string[]): number => {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: '1' } });
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    return performance.now() - t;
  };
  const diff = [CLI, 'diff', OLD, NEW, '--fail-on', 'none', '--format', 'json'];
  run(diff); // fills the cache
  const sides: Record<string, string[]> = {
    'node -e 0 (floor)': ['-e', '0'],
    'specmap diff, cold (--no-cache)': [...diff, '--no-cache'],
    'specmap diff, warm (parse cache)': diff,
  };
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(sides).map((k) => [k, []]));
  for (let r = 0; r < RUNS; r++) for (const [name, args] of Object.entries(sides)) times[name]!.push(run(args));
  rmSync(dir, { recursive: true, force: true });
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
}

function print(title: string, results: Record<string, number>, floor: string): void {
  console.log(title);
  const base = results[floor]!;
  for (const [name, ms] of Object.entries(results)) console.log(`  ${name.padEnd(36)} ${fmt(ms).padStart(8)}  ${(ms / base).toFixed(2)}x`);
}

const [a, b] = await readBoth();
const changes = diffModels(a, b);
console.log(`diff openai-openapi-2026-05-13.yaml → openai-openapi-2026-08-21.yaml: ${changes.length} changes; median of ${RUNS} runs`);
print('in process', await inProcess(), 'js-yaml load x2 (floor)');
print('whole process', wholeProcess(), 'node -e 0 (floor)');
