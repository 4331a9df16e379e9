/**
 * OpenAPI extraction benchmark, in one process, on the 3 MB
 * `openai-openapi-2026-08-21.yaml` read from ../shared at run time:
 * - the YAML parsers on npm that are installed here (`yaml`, js-yaml, yaml-ast-parser; js-yaml
 *   with its position listener), each checked for giving the same value as `yaml` (the YAML 1.2
 *   reference reading);
 * - cold extraction (`extractOpenApi`: parse as far as the model reads + line anchors + model)
 *   against js-yaml parsing the whole document (target ≤ 1.5x);
 * - `openapi-typescript` generating types from the same file (target: extraction ≥ 3x faster);
 * - warm extraction: the same source served from the parse cache (tools/cache).
 * CPU-time medians of RUNS (default 5; 3 for `yaml` and openapi-typescript) after one warm-up
 * each; extraction and parse run in alternation and their ratio is the median of the pairs.
 * Run: `npx tsx bench/openapi.ts` (no build needed).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import jsyaml from 'js-yaml';
import YAML from 'yaml';
import { extractCached } from '../tools/sources/extract-cache.js';
import { DiagnosticBag } from '../tools/diagnostics/diagnostic.js';
import type { SourceInfo } from '../tools/model/schema.js';
import { loadYamlLazily } from '../tools/sources/openapi/lazy-yaml.js';
import { extractOpenApi } from '../tools/sources/openapi/read.js';
import type { SourceFile } from '../tools/sources/read.js';

const RUNS = Number(process.env.RUNS ?? 5);
const FILE = new URL('../../shared/reference/openapi/openai-openapi-2026-08-21.yaml', import.meta.url);
const text = readFileSync(FILE, 'utf8');
const info: SourceInfo = {
  id: 'openai-openapi-2026-08-21.yaml',
  kind: 'openapi',
  path: FILE.pathname,
  sha256: createHash('sha256').update(text).digest('hex'),
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * CPU time (user + system) of `f`, median of `runs` after a warm-up. The benchmark machine is
 * shared, so CPU time is the figure that other processes disturb least; wall time is printed too.
 */
async function measure<T>(runs: number, f: () => T | Promise<T>): Promise<{ ms: number; wall: number; value: T }> {
  let value = await f();
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    value = await f();
    wall.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  return { ms: median(cpu), wall: median(wall), value };
}

/**
 * The alternative to tools/sources/openapi/line-locator.ts: js-yaml's node listener recording the
 * line of every mapping key while parsing (what anchors need from a parser with positions).
 */
function loadWithKeyLines(source: string): unknown {
  const lines = new WeakMap<object, Map<string, number>>();
  interface Frame {
    line: number;
    kids: { line: number; result: unknown }[];
  }
  const stack: Frame[] = [];
  let cur: Frame = { line: 0, kids: [] };
  const doc = jsyaml.load(source, {
    schema: jsyaml.CORE_SCHEMA,
    listener(event, state) {
      if (event === 'open') {
        stack.push(cur);
        cur = { line: state.line + 1, kids: [] };
        return;
      }
      const done = cur;
      cur = stack.pop()!;
      const result = (state as unknown as { result: unknown }).result;
      if (state.kind === 'mapping' && result && typeof result === 'object') {
        const keys = new Map<string, number>();
        for (let i = 0; i + 1 < done.kids.length; i += 2) keys.set(String(done.kids[i]!.result), done.kids[i]!.line);
        lines.set(result, keys);
      }
      cur.kids.push({ line: done.line, result: state.kind === 'scalar' ? result : undefined });
    },
  });
  return doc;
}

const require = createRequire(import.meta.url);
const fmt = (ms: number) => `${ms.toFixed(0).padStart(6)} ms`;

console.log(`openapi bench: ${(text.length / 1e6).toFixed(2)} MB, CPU time, median of ${RUNS}\n`);

// 1. Parsers.
const reference = await measure(Math.min(RUNS, 3), () => YAML.parse(text, { maxAliasCount: -1 }));
const parsers: { name: string; ms: number; same: boolean | string }[] = [{ name: 'yaml 2 (parse)', ms: reference.ms, same: true }];
const withLines = await measure(Math.min(RUNS, 3), () => YAML.parseDocument(text, { keepSourceTokens: true }));
parsers.push({
  name: 'yaml 2 (parseDocument, positions)',
  ms: withLines.ms,
  same: isDeepStrictEqual(withLines.value.toJS({ maxAliasCount: -1 }), reference.value),
});
const core = await measure(RUNS, () => jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA }));
parsers.push({ name: 'js-yaml 4 (CORE_SCHEMA)', ms: core.ms, same: isDeepStrictEqual(core.value, reference.value) });
// What extraction uses: the index alone, then every entry read (the model reads ~15% of them).
const lazyIndex = await measure(RUNS, () => loadYamlLazily(text, 'openapi.yaml'));
parsers.push({ name: 'js-yaml 4 lazily: the index ← used', ms: lazyIndex.ms, same: 'entries parsed when read' });
const lazyAll = await measure(RUNS, () => JSON.parse(JSON.stringify(loadYamlLazily(text, 'openapi.yaml'))) as unknown);
parsers.push({ name: 'js-yaml 4 lazily, every entry read', ms: lazyAll.ms, same: isDeepStrictEqual(lazyAll.value, reference.value) });
const dflt = await measure(RUNS, () => jsyaml.load(text));
parsers.push({
  name: 'js-yaml 4 (default schema)',
  ms: dflt.ms,
  same: isDeepStrictEqual(dflt.value, reference.value) || 'differs: YAML 1.1 timestamps become Date',
});
const listened = await measure(RUNS, () => loadWithKeyLines(text));
parsers.push({
  name: 'js-yaml 4 + listener indexing key lines',
  ms: listened.ms,
  same: isDeepStrictEqual(listened.value, reference.value),
});
try {
  const yap = require('yaml-ast-parser') as { safeLoad: (t: string) => unknown };
  const ast = await measure(Math.min(RUNS, 3), () => yap.safeLoad(text));
  parsers.push({ name: 'yaml-ast-parser (AST, positions)', ms: ast.ms, same: 'an AST: values need a second walk' });
} catch {
  // Not installed: not measured.
}
const floor = core.ms;
console.log('YAML parsers (same value as `yaml`?)');
for (const p of parsers)
  console.log(
    `  ${p.name.padEnd(40)} ${fmt(p.ms)}  ${(p.ms / floor).toFixed(2)}x js-yaml  ${p.same === true ? 'same value' : p.same || 'differs'}`,
  );

// 2. Cold extraction vs the parse floor, interleaved so that both see the same machine load.
const ratios: number[] = [];
let cold = await measure(1, () => extractOpenApi(text, info, new DiagnosticBag()));
const coldTimes: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const parse = await measure(1, () => jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA }));
  cold = await measure(1, () => extractOpenApi(text, info, new DiagnosticBag()));
  ratios.push(cold.ms / parse.ms);
  coldTimes.push(cold.ms);
}
const coldMs = median(coldTimes);
console.log(
  `\ncold extraction (lazy parse + anchors + model) ${fmt(coldMs)}  ${median(ratios).toFixed(2)}x the whole js-yaml parse, median of paired runs (target ≤ 1.50x)`,
);
console.log(`  ${cold.value.events.length} events, ${cold.value.params.length} params, ${Object.keys(cold.value.schemas).length} schemas`);

// 3. Warm extraction from the parse cache.
const dir = mkdtempSync(join(tmpdir(), 'specmap-bench-'));
const file: SourceFile = { config: { path: info.path }, info, text };
await extractCached(file, dir, new DiagnosticBag(), (bag) => extractOpenApi(text, info, bag));
const warm = await measure(RUNS, () =>
  extractCached(file, dir, new DiagnosticBag(), () => {
    throw new Error('cache miss');
  }),
);
rmSync(dir, { recursive: true, force: true });
console.log(`warm extraction (parse cache hit)             ${fmt(warm.ms)}  ${(coldMs / warm.ms).toFixed(1)}x faster than cold`);

// 4. openapi-typescript on the same file.
const { default: openapiTS, astToString } = await import('openapi-typescript');
const ots = await measure(Math.min(RUNS, 3), async () => astToString(await openapiTS(FILE, { silent: true })));
console.log(
  `openapi-typescript (types from the file)      ${fmt(ots.ms)}  extraction is ${(ots.ms / coldMs).toFixed(2)}x faster (target ≥ 3x)`,
);
console.log('\n(times are CPU ms, user + system; wall ms differ under load)');
