/**
 * `npm run bench:matrix`: the whole-process time of `specmap report --matrix` over the
 * implementations of tests/matrix/matrix.config.json (the example workspace, llama-stack, the AI
 * SDK's OpenAI provider, and the reference server's recordings), warm, against the sum of mapping
 * the three code bases one by one with `specmap map` (same sources, same lanes), warm, in the same
 * interleaved rounds. Target: the matrix ≤ 1.2× the sum.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { interleavedMedians } from './lib/interleaved.js';

const REPO = resolve(import.meta.dirname, '..');
const CLI = join(REPO, 'dist/cli.js');
const MATRIX = join(REPO, 'tests/matrix/matrix.config.json');
const OUT = join(REPO, 'bench/.out/matrix');
mkdirSync(OUT, { recursive: true });

interface Impl {
  name: string;
  workspace?: string;
  lanes?: unknown[];
}
const matrixConfig = JSON.parse(readFileSync(MATRIX, 'utf8')) as { sources: { path: string }[]; implementations: Impl[] };
const fromMatrix = (p: string): string => relative(OUT, resolve(dirname(MATRIX), p));
const singles = matrixConfig.implementations
  .filter((i) => i.lanes?.length)
  .map((impl) => {
    const file = join(OUT, `${impl.name.replace(/\W+/g, '_')}.config.json`);
    const config = {
      sources: matrixConfig.sources.map((s) => ({ path: fromMatrix(s.path) })),
      workspace: fromMatrix(impl.workspace ?? '.'),
      lanes: impl.lanes,
      model: `${impl.name.replace(/\W+/g, '_')}.model.json`,
      mapping: `${impl.name.replace(/\W+/g, '_')}.mapping.json`,
      cacheDir: `cache/${impl.name.replace(/\W+/g, '_')}`,
    };
    writeFileSync(file, JSON.stringify(config, null, 2));
    return file;
  });

const run = (args: string[]) =>
  execFileSync(process.execPath, [CLI, '--allow-outside', ...args], { stdio: ['ignore', 'ignore', 'ignore'] });
const sides = {
  'node -e 0': () => execFileSync(process.execPath, ['-e', '0']),
  'map, one by one (sum)': () => {
    for (const file of singles) run(['--config', file, 'map', '--stdout']);
  },
  'report --matrix': () => run(['--config', MATRIX, 'report', '--matrix', '--format', 'json', '--stdout']),
};
const t = await interleavedMedians(sides, 5, 1);
for (const [name, ms] of Object.entries(t)) process.stdout.write(`${name.padEnd(24)} ${ms.toFixed(0).padStart(6)} ms\n`);
const ratio = t['report --matrix']! / t['map, one by one (sum)']!;
process.stdout.write(`matrix / sum of maps: ${ratio.toFixed(2)}x (target ≤ 1.2x)\n`);
