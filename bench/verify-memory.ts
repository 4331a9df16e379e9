/**
 * Child of bench/verify.ts: verifies one trace (with the reference baseline learned from the recordings
 * folder, when given as the second argument) and prints peak RSS and heap sampled during the run.
 */
import { join, resolve } from 'node:path';
import { loadConfig } from '../tools/config/load.js';
import { loadModelState } from '../tools/pipeline/model.js';
import { resolveSeverities } from '../tools/verify/severity.js';
import { loadBaseline, verifyTraces } from '../tools/verify/verify.js';

const root = resolve(import.meta.dirname, '..');
const { config, root: cfgRoot } = await loadConfig(join(root, 'specmap.config.json'));
const { model } = await loadModelState(config, cfgRoot);
const baseline = process.argv[3] ? await loadBaseline(process.argv[3], model) : undefined;
const base = process.memoryUsage();
let rss = 0;
let heap = 0;
const sample = () => {
  const m = process.memoryUsage();
  rss = Math.max(rss, m.rss);
  heap = Math.max(heap, m.heapUsed);
};
const timer = setInterval(sample, 5);
const t = performance.now();
const report = await verifyTraces([process.argv[2]!], model, {
  severities: resolveSeverities({}),
  sdk: false,
  ...(baseline && { baseline }),
});
clearInterval(timer);
sample();
const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;
const kept = report.traces[0]!.violations.length;
const ms = (performance.now() - t).toFixed(0);
// Peaks depend on when the collector ran; what the run still holds after a full collection does not.
(globalThis as { gc?: () => void }).gc?.();
const retained = (globalThis as { gc?: () => void }).gc ? `, retained after GC ${mb(process.memoryUsage().heapUsed - base.heapUsed)}` : '';
console.log(
  `${report.summary.events} events in ${ms} ms; peak RSS ${mb(rss)} (start ${mb(base.rss)}), peak heap ${mb(heap)} (start ${mb(base.heapUsed)})${retained}; ${report.summary.errors} errors (${kept} kept)`,
);
void report;
