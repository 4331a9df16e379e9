/**
 * Analyzer benchmark, whole process, one run each, against a floor
 * measured in the same run: `node -e 0` plus `grep -rn` for the same literals and class names
 * over the same tree. Trees are generated into a temp dir: ~2 MB of Python and ~5 MB of
 * TypeScript, where about one file in ten deals with events (replicated from the fixture
 * workspace) and the rest is ordinary code. Targets: cold ≤ 6x floor (Python), ≤ 10x (TS); warm
 * (cache) ≤ 2x. Run: `npm run build && npx tsx bench/map.ts`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureModel } from '../tests/analyzer/fixture-model.js';

const here = import.meta.dirname;
const fixture = join(here, '../tests/analyzer/fixtures/ws');
if (!existsSync(join(here, '../dist/analyzer/index.js'))) throw new Error('run `npm run build` first');

const modelPath = join(here, '../spec/model.json');
const model = existsSync(modelPath) ? JSON.parse(readFileSync(modelPath, 'utf8')) : fixtureModel;

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => ext.test(f) && !/broken/.test(f))
    .map((f) => join(dir, f));
}

function pyFiller(i: number): string {
  const fns = Array.from(
    { length: 30 },
    (_, j) =>
      `def helper_${i}_${j}(values: list[int], scale: float = 1.0) -> dict[str, float]:\n    total = sum(v * scale for v in values)\n    if total > ${j}:\n        return {"total": total, "mean": total / max(len(values), 1)}\n    return {"total": 0.0, "mean": 0.0}\n`,
  );
  return `"""Utilities ${i}."""\nimport math\n\n\nclass Store${i}:\n    def __init__(self) -> None:\n        self.rows: dict[str, int] = {}\n\n${fns.join('\n\n')}`;
}

function tsFiller(i: number): string {
  const fns = Array.from(
    { length: 30 },
    (_, j) =>
      `export function helper${i}_${j}(values: number[], scale = 1): { total: number; mean: number } {\n  const total = values.reduce((a, v) => a + v * scale, 0);\n  if (total > ${j}) return { total, mean: total / Math.max(values.length, 1) };\n  return { total: 0, mean: 0 };\n}\n`,
  );
  return `// Utilities ${i}.\nexport interface Row${i} { id: string; count: number }\n\n${fns.join('\n')}`;
}

function generate(root: string, language: 'python' | 'typescript', targetBytes: number): number {
  const relevant = language === 'python' ? files(fixture, /\.py$/) : files(fixture, /\.mts$/).filter((f) => !/app\//.test(f));
  const ext = language === 'python' ? '.py' : '.ts';
  let bytes = 0;
  for (let i = 0; bytes < targetBytes; i++) {
    const dir = join(root, `pkg${Math.floor(i / 50)}`);
    mkdirSync(dir, { recursive: true });
    const text =
      i % 10 === 0 ? readFileSync(relevant[(i / 10) % relevant.length]!, 'utf8') : language === 'python' ? pyFiller(i) : tsFiller(i);
    writeFileSync(join(dir, `m${i}${ext}`), text);
    bytes += text.length;
  }
  return bytes;
}

function time(cmd: string, args: string[], opts: { shell?: boolean } = {}): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
  if (r.status !== 0 && !(cmd === 'grep' && r.status === 1)) throw new Error(`${cmd} failed: ${r.stderr}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

// The minimum of a few runs: the machine is shared, and noise only ever adds time.
const best = (xs: number[]): number => Math.min(...xs);
const dir = mkdtempSync(join(tmpdir(), 'specmap-bench-map-'));
try {
  const words = [
    ...new Set([
      ...model.events.map((e: { type: string }) => e.type),
      ...model.events.flatMap((e: { classNames: string[] }) => e.classNames),
    ]),
  ];
  const patternFile = join(dir, 'patterns.txt');
  writeFileSync(patternFile, words.join('\n') + '\n');
  writeFileSync(join(dir, 'model.json'), JSON.stringify(model));
  for (const [language, size, target] of [
    ['python', 2e6, 6],
    ['typescript', 5e6, 10],
  ] as const) {
    const root = join(dir, language);
    const bytes = generate(root, language, size);
    const lanes = join(dir, `${language}-lanes.json`);
    writeFileSync(
      lanes,
      JSON.stringify([{ name: 'code', include: [language === 'python' ? '**/*.py' : '**/*.ts'], exclude: [], language }]),
    );
    const cache = join(dir, `${language}-cache`);
    const cli = join(here, 'analyze-cli.mjs');
    const floor = best([0, 1, 2].map(() => time('node', ['-e', '0']) + time('grep', ['-rnF', '-f', patternFile, root])));
    const cold = best(
      [0, 1, 2].map(() => {
        rmSync(cache, { recursive: true, force: true });
        return time('node', [cli, root, join(dir, 'model.json'), lanes, cache]);
      }),
    );
    time('node', [cli, root, join(dir, 'model.json'), lanes, cache]);
    const warm = best([0, 1, 2].map(() => time('node', [cli, root, join(dir, 'model.json'), lanes, cache])));
    const summary = execFileSync('node', [cli, root, join(dir, 'model.json'), lanes, cache], { encoding: 'utf8' }).trim();
    const mb = (bytes / 1e6).toFixed(1);
    console.log(
      `${language} ${mb} MB (${summary}): floor ${floor.toFixed(0)} ms · cold ${cold.toFixed(0)} ms = ${(cold / floor).toFixed(2)}x (target ≤ ${target}x) · warm ${warm.toFixed(0)} ms = ${(warm / floor).toFixed(2)}x (target ≤ 2x)`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
