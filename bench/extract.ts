/**
 * `extract` benchmark, in one run, against floors measured in the same run:
 * (a) in process: extracting the three reference pages (`extractPage`: parse + items), the walk
 *     alone on parsed trees (`extractTree`), and the whole build (`buildFromFiles`: + merge,
 *     categories, correlation keys) against remark merely parsing the same pages (target ≤ 1.5x);
 * (b) whole process: `node dist/cli.js extract --stdout` against `node -e 0` started the same way.
 * Medians of RUNS (default 9), measurements interleaved so that load on the machine hits both sides.
 * Pages are read from ../shared at run time. Run: `npm run build && npx tsx bench/extract.ts`.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { ConfigSchema } from '../tools/config/schema.js';
import { DiagnosticBag } from '../tools/diagnostics/diagnostic.js';
import type { SourceInfo } from '../tools/model/schema.js';
import { buildFromFiles, type SourceFile } from '../tools/sources/load.js';
import { extractPage, extractTree } from '../tools/sources/markdown/extract-page.js';
import { interleavedMedians, median } from './lib/interleaved.js';

const RUNS = Number(process.env.RUNS ?? 9);
const REPO = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../shared/reference/openai-docs/', import.meta.url));
const PAGES = ['DOC_streaming_events.md', 'DOC_responses.md', 'DOC_conversations.md'];
const CLI = join(REPO, 'dist/cli.js');
if (!existsSync(CLI)) throw new Error('run `npm run build` first');

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

const files: SourceFile[] = PAGES.map((id) => {
  const text = readFileSync(CORPUS + id, 'utf8');
  const info: SourceInfo = { id, kind: 'openai-docs', path: CORPUS + id, sha256: createHash('sha256').update(text).digest('hex') };
  return { config: { path: CORPUS + id }, info, text };
});
const config = ConfigSchema.parse({ sources: PAGES.map((p) => ({ path: CORPUS + p })) });
const processor = unified().use(remarkParse);
// Trees parsed once, for timing the extractor's own walk apart from the parse.
const trees = files.map((f) => processor.parse(f.text));

const sides = {
  'remark parse (floor)': () => {
    for (const f of files) processor.parse(f.text);
  },
  'extractPage x3': () => {
    for (const f of files) extractPage(f.text, f.info, new DiagnosticBag());
  },
  buildFromFiles: () => buildFromFiles(files, config, new DiagnosticBag()),
  'extractTree x3 (no parse)': () => {
    for (const [i, f] of files.entries()) extractTree(trees[i]!, f.text, f.info, new DiagnosticBag());
  },
};

async function inProcess(): Promise<Record<string, number>> {
  return interleavedMedians(sides, RUNS, 3); // 3 warm-up calls each for the JIT
}

function wholeProcess(): Record<string, number> {
  const dir = mkdtempSync(join(tmpdir(), 'specmap-bench-'));
  writeFileSync(join(dir, 'specmap.config.json'), JSON.stringify({ sources: PAGES.map((p) => ({ path: CORPUS + p })) }));
  const commands: Record<string, string[]> = {
    'node -e 0 (floor)': ['-e', '0'],
    'specmap --version': [CLI, '--version'],
    'specmap extract --stdout': [CLI, 'extract', '--stdout'],
  };
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  try {
    for (let r = 0; r < RUNS; r++) {
      for (const [name, args] of Object.entries(commands)) {
        const t = performance.now();
        const p = spawnSync(process.execPath, args, {
          cwd: dir,
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, CI: '1' },
          maxBuffer: 1 << 28,
        });
        times[name]!.push(performance.now() - t);
        if (p.status !== 0) throw new Error(`${name} exited ${p.status}: ${p.stderr}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
}

const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
console.log(`extract benchmark: ${PAGES.length} pages, ${(bytes / 1024).toFixed(0)} KiB, median of ${RUNS}`);
const a = await inProcess();
const floorA = a['remark parse (floor)']!;
console.log('\n(a) in process');
for (const [k, v] of Object.entries(a)) console.log(`  ${k.padEnd(26)} ${fmt(v).padStart(10)}  ${(v / floorA).toFixed(2)}x`);
const ratioA = a['extractPage x3']! / floorA;
// extractPage = parse + extractTree; on a loaded machine the sum of the two medians is the steadier figure.
const ratioSum = (floorA + a['extractTree x3 (no parse)']!) / floorA;
console.log(
  `  extract / parse = ${ratioA.toFixed(2)}x measured, ${ratioSum.toFixed(2)}x as (parse + walk) / parse (target <= 1.5x: ${Math.max(ratioA, ratioSum) <= 1.5 ? 'met' : 'MISSED'})`,
);
const b = wholeProcess();
const floorB = b['node -e 0 (floor)']!;
console.log('\n(b) whole process');
for (const [k, v] of Object.entries(b)) console.log(`  ${k.padEnd(26)} ${fmt(v).padStart(10)}  ${(v / floorB).toFixed(2)}x`);
