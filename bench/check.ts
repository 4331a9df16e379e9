/**
 * `check` benchmark, whole process, against `node -e 0` measured in the
 * same run. Workspaces are throw-away copies: the example workspace with the three reference
 * pages, and the same scaled to ~2 MB of Python and ~5 MB of TypeScript (the example's event code
 * replicated one file in ten, ordinary code otherwise). Targets: warm (nothing changed) ≤ 5x the
 * floor; after a one-file change in mapped code ≤ 8x.
 * Run: `npm run build && npx tsx bench/check.ts`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempWorkspace, type TempWorkspace } from '../tests/helpers/temp-workspace.js';

const RUNS = Number(process.env.RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function time(cmd: string, args: string[], cwd: string, expectCode = 0): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '1' } });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== expectCode) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stdout}${r.stderr}`);
  return ms;
}

const pyFiller = (i: number) =>
  `"""Utilities ${i}."""\n\n` +
  Array.from(
    { length: 30 },
    (_, j) =>
      `def helper_${i}_${j}(values: list[int], scale: float = 1.0) -> dict[str, float]:\n    total = sum(v * scale for v in values)\n    if total > ${j}:\n        return {"total": total, "mean": total / max(len(values), 1)}\n    return {"total": 0.0, "mean": 0.0}\n`,
  ).join('\n\n');
const tsFiller = (i: number) =>
  `// Utilities ${i}.\n` +
  Array.from(
    { length: 30 },
    (_, j) =>
      `export function helper${i}_${j}(values: number[], scale = 1): { total: number; mean: number } {\n  const total = values.reduce((a, v) => a + v * scale, 0);\n  if (total > ${j}) return { total, mean: total / Math.max(values.length, 1) };\n  return { total: 0, mean: 0 };\n}\n`,
  ).join('\n');

/** Adds ~bytes of code under `dir`, every tenth file a renamed copy of one of the example's event files. */
function scale(ws: TempWorkspace, dir: string, ext: '.py' | '.ts', bytes: number, seeds: string[]): void {
  let total = 0;
  for (let i = 0; total < bytes; i++) {
    const sub = join(ws.dir, dir, `pkg${Math.floor(i / 50)}`);
    mkdirSync(sub, { recursive: true });
    const text =
      i % 10 === 0 ? seeds[(i / 10) % seeds.length]!.replace(/\bfrom \.(\w+)/g, 'from app.$1') : ext === '.py' ? pyFiller(i) : tsFiller(i);
    writeFileSync(join(sub, `m${i}${ext}`), text);
    total += text.length;
  }
}

function measure(label: string, ws: TempWorkspace, pyFile: string, tsFile: string): void {
  const cli = join(import.meta.dirname, '../dist/cli.js');
  const sync = time(process.execPath, [cli, 'sync'], ws.dir);
  const floor: number[] = [];
  const warm: number[] = [];
  const changedPy: number[] = [];
  const changedTs: number[] = [];
  time(process.execPath, [cli, 'check'], ws.dir); // leaves the memo of a clean check
  const py = ws.read(pyFile);
  const ts = ws.read(tsFile);
  for (let i = 0; i < RUNS; i++) {
    floor.push(time(process.execPath, ['-e', '0'], ws.dir));
    warm.push(time(process.execPath, [cli, 'check'], ws.dir));
    ws.write(pyFile, `${py}\n# edit ${i}\n`);
    changedPy.push(time(process.execPath, [cli, 'check'], ws.dir));
    ws.write(pyFile, py);
    ws.write(tsFile, `${ts}\n// edit ${i}\n`);
    changedTs.push(time(process.execPath, [cli, 'check'], ws.dir));
    ws.write(tsFile, ts);
    time(process.execPath, [cli, 'check'], ws.dir);
  }
  const f = median(floor);
  const row = (name: string, xs: number[], target: number) =>
    `  ${name.padEnd(34)} ${median(xs).toFixed(0).padStart(6)} ms  ${(median(xs) / f).toFixed(2)}x  (target ≤ ${target}x)`;
  console.log(`\n${label}  (first sync ${sync.toFixed(0)} ms)`);
  console.log(`  ${'node -e 0 (floor)'.padEnd(34)} ${f.toFixed(0).padStart(6)} ms`);
  console.log(row('check, warm', warm, 5));
  console.log(row('check, one Python file changed', changedPy, 8));
  console.log(row('check, one TypeScript file changed', changedTs, 8));
}

const small = makeTempWorkspace();
try {
  measure(
    'example workspace + 3 reference pages',
    small,
    'examples/workspace/backend/app/stream.py',
    'examples/workspace/web/src/state/reducer.ts',
  );
} finally {
  small.cleanup();
}

const big = makeTempWorkspace();
try {
  const appDir = join(big.dir, 'examples/workspace/backend/app');
  const seedsPy = readdirSync(appDir)
    .filter((f) => f.endsWith('.py') && f !== '__init__.py')
    .map((f) => readFileSync(join(appDir, f), 'utf8'));
  const webDir = join(big.dir, 'examples/workspace/web/src');
  const seedsTs = readdirSync(webDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => readFileSync(join(webDir, f), 'utf8'));
  scale(big, 'examples/workspace/backend/app/scaled', '.py', 2_000_000, seedsPy);
  scale(big, 'examples/workspace/web/src/scaled', '.ts', 5_000_000, seedsTs);
  measure(
    'scaled workspace (~2 MB Python, ~5 MB TypeScript)',
    big,
    'examples/workspace/backend/app/stream.py',
    'examples/workspace/web/src/state/reducer.ts',
  );
} finally {
  big.cleanup();
}
