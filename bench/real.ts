/**
 * Real trees, whole process: `map`, `sync` and `check` on the two corpora in ../shared/corpora
 * (llama-stack: Python; vercel-ai: 20 MB of TypeScript), each paired in the same run against a
 * floor of `node -e 0` plus `grep -rn` of the model's event literals over the same files, cold
 * (no cache folder: the model then comes from the model file the last sync wrote, as in a fresh CI
 * checkout; for `map` once more without the model file, and once without the compiler's code
 * cache) and warm. Floor
 * and command alternate round by round and the medians are compared, so machine load hits both
 * alike. Prints wall-clock ratios, CPU-time ratios (user +
 * system, steadier on a shared machine) and each command's peak RSS.
 *
 * The tool is run from a frozen copy of `dist/` (bench/real/.out/tool): the cache keys include the
 * tool's code hash, so another `npm run build` in this working tree mid-run would otherwise turn
 * every warm run cold. Targets per tree: cold ≤ 10×, warm map ≤ 2×, warm check ≤ 2.5×; peak RSS
 * ≤ 300 MB on the 20 MB tree. Run: `npm run bench:real` (ROUNDS=5 WARM_ROUNDS=15 TREES=vercel-ai to
 * change the rounds or narrow it).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { median } from './lib/interleaved.js';

const here = import.meta.dirname;
const repo = resolve(here, '..');
const out = join(here, 'real/.out');
const tool = join(out, 'tool');
if (!existsSync(join(repo, 'dist/cli.js'))) throw new Error('run `npm run build` first');

function freezeTool(): string {
  rmSync(tool, { recursive: true, force: true });
  mkdirSync(tool, { recursive: true });
  for (const part of ['dist', 'templates', 'profiles', 'schema', 'package.json'])
    if (existsSync(join(repo, part))) cpSync(join(repo, part), join(tool, part), { recursive: true });
  symlinkSync(join(repo, 'node_modules'), join(tool, 'node_modules'), 'dir');
  return join(tool, 'dist/cli.js');
}

interface Run {
  wall: number;
  cpu: number;
  rssMb: number;
}

/** One process under /usr/bin/time: wall time measured here, CPU and peak RSS from the kernel. */
function run(cmd: string, args: string[], okCodes = [0]): Run {
  const t = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '\n%U %S %M', cmd, ...args], { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
  const wall = Number(process.hrtime.bigint() - t) / 1e6;
  if (!okCodes.includes(r.status ?? -1)) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}:\n${String(r.stderr).slice(-2000)}`);
  const [user, sys, rss] = String(r.stderr).trim().split('\n').at(-1)!.split(' ').map(Number);
  return { wall, cpu: (user! + sys!) * 1000, rssMb: rss! / 1024 };
}

const sum = (a: Run, b: Run): Run => ({ wall: a.wall + b.wall, cpu: a.cpu + b.cpu, rssMb: Math.max(a.rssMb, b.rssMb) });

interface Tree {
  name: string;
  config: string;
  /** The lane files' folder and extension, for the grep floor. */
  workspace: string;
  include: string;
  targetRssMb?: number;
}

const trees: Tree[] = [
  {
    name: 'llama-stack',
    config: join(here, 'real/llama-stack.config.json'),
    workspace: resolve(repo, '../shared/corpora/llama-stack'),
    include: '*.py',
  },
  {
    name: 'vercel-ai',
    config: join(here, 'real/vercel-ai.config.json'),
    workspace: resolve(repo, '../shared/corpora/vercel-ai/packages'),
    include: '*.ts',
    targetRssMb: 300,
  },
];

const ROUNDS = Number(process.env.ROUNDS ?? 3);
/** Warm runs are short, so load spikes move their medians most: more rounds for them. */
const WARM_ROUNDS = Number(process.env.WARM_ROUNDS ?? 9);
const only = process.env.TREES?.split(',');
const cli = freezeTool();

interface Row {
  tree: string;
  step: string;
  floor: { wall: number; cpu: number };
  cmd: { wall: number; cpu: number; rssMb: number };
  target?: number;
}
const rows: Row[] = [];

for (const tree of trees.filter((t) => !only || only.includes(t.name))) {
  const config = JSON.parse(readFileSync(tree.config, 'utf8')) as { cacheDir: string };
  const projectOut = join(here, 'real/.out', tree.name);
  const cacheDir = resolve(here, 'real', config.cacheDir);
  const specmap = (...args: string[]) => run('node', [cli, '--allow-outside', '--config', tree.config, ...args]);
  // The model's event types, for grep: build the outputs once (also checks the config works).
  rmSync(projectOut, { recursive: true, force: true });
  specmap('sync');
  const model = JSON.parse(readFileSync(join(projectOut, 'model.json'), 'utf8')) as { events: { type: string }[] };
  const patterns = join(out, `${tree.name}.patterns.txt`);
  writeFileSync(patterns, [...new Set(model.events.map((e) => e.type))].sort().join('\n') + '\n');
  const floor = () =>
    sum(run('node', ['-e', '0']), run('grep', ['-rnF', '-f', patterns, `--include=${tree.include}`, tree.workspace], [0, 1]));

  /** `prepare` before every timed run (not timed), floor and command interleaved. */
  const measure = (step: string, args: string[], prepare: () => void, target?: number) => {
    const f: Run[] = [];
    const c: Run[] = [];
    const rounds = step.startsWith('warm') ? WARM_ROUNDS : ROUNDS;
    for (let r = 0; r < rounds; r++) {
      f.push(floor());
      prepare();
      c.push(specmap(...args));
    }
    const row: Row = {
      tree: tree.name,
      step,
      floor: { wall: median(f.map((x) => x.wall)), cpu: median(f.map((x) => x.cpu)) },
      cmd: { wall: median(c.map((x) => x.wall)), cpu: median(c.map((x) => x.cpu)), rssMb: Math.max(...c.map((x) => x.rssMb)) },
      ...(target ? { target } : {}),
    };
    rows.push(row);
    print(row);
  };
  const noCache = () => rmSync(cacheDir, { recursive: true, force: true });
  const nothing = () => {};
  // Cold: no cache folder at all (outputs from the previous step stay, as in a fresh CI checkout,
  // so the model comes from the model file, whose build record names these inputs).
  measure('cold map', ['map'], noCache, 10);
  // Colder: no model file either, so the sources are parsed (`map` never writes the model file; it
  // is put back for the steps after this one).
  const modelFile = join(projectOut, 'model.json');
  const modelText = readFileSync(modelFile, 'utf8');
  measure('cold map, no model file', ['map'], () => {
    noCache();
    rmSync(modelFile, { force: true });
  });
  writeFileSync(modelFile, modelText);
  // Colder: the compiler's code cache, kept beside the installed compiler and not in the project's
  // cache folder, gone too, as on the first run after `npm ci` (the frozen tool's node_modules is a
  // link to this repository's, where the compiler resolves).
  measure(
    'cold map, new install',
    ['map'],
    () => {
      noCache();
      rmSync(join(repo, 'node_modules/.cache/specmap'), { recursive: true, force: true });
    },
    10,
  );
  measure('warm map', ['map'], nothing, 2);
  measure('cold sync', ['sync'], noCache, 10);
  measure('warm sync', ['sync'], nothing);
  measure('cold check', ['check'], noCache, 10);
  // After a clean check: the hook path (the memo of the last clean check answers).
  measure('warm check', ['check'], nothing, 2.5);
  // The caches are warm but the memo is not: what a check costs after an edit elsewhere.
  measure('warm check, no memo', ['check'], () => rmSync(join(cacheDir, 'check-state.json'), { force: true }), 2.5);
}

function print(r: Row): void {
  const ratio = r.cmd.wall / r.floor.wall;
  const cpuRatio = r.cmd.cpu / r.floor.cpu;
  const mark = r.target ? (ratio <= r.target ? ` ✓ ≤ ${r.target}×` : ` ✗ target ≤ ${r.target}×`) : '';
  console.log(
    `${r.tree.padEnd(12)} ${r.step.padEnd(20)} floor ${r.floor.wall.toFixed(0).padStart(5)} ms · specmap ${r.cmd.wall.toFixed(0).padStart(5)} ms = ${ratio.toFixed(2).padStart(5)}×${mark} · CPU ${r.cmd.cpu.toFixed(0)} / ${r.floor.cpu.toFixed(0)} ms = ${cpuRatio.toFixed(2)}× · peak RSS ${r.cmd.rssMb.toFixed(0)} MB`,
  );
}

const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(`\nmedians of ${ROUNDS} rounds (cold) and ${WARM_ROUNDS} (warm); load average at the end ${load}\n`);
console.log('| tree | step | floor ms | specmap ms | ratio | CPU ratio | peak RSS MB |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.tree} | ${r.step} | ${r.floor.wall.toFixed(0)} | ${r.cmd.wall.toFixed(0)} | ${(r.cmd.wall / r.floor.wall).toFixed(2)}×${r.target ? ` (≤ ${r.target}×)` : ''} | ${(r.cmd.cpu / r.floor.cpu).toFixed(2)}× | ${r.cmd.rssMb.toFixed(0)} |`,
  );
}
