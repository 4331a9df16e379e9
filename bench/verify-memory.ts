/** Child of bench/verify.ts: verifies one trace and prints peak RSS and heap sampled during the run. */
import { join, resolve } from 'node:path';
import { loadConfig } from '../tools/config/load.js';
import { loadModelState } from '../tools/pipeline/model.js';
import { resolveSeverities } from '../tools/verify/severity.js';
import { verifyTraces } from '../tools/verify/verify.js';

const root = resolve(import.meta.dirname, '..');
const { config, root: cfgRoot } = await loadConfig(join(root, 'specmap.config.json'));
const { model } = await loadModelState(config, cfgRoot);
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
const report = await verifyTraces([process.argv[2]!], model, { severities: resolveSeverities({}), sdk: false });
clearInterval(timer);
sample();
const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;
console.log(`${report.summary.events} events in ${(performance.now() - t).toFixed(0)} ms; peak RSS ${mb(rss)} (start ${mb(base.rss)}), peak heap ${mb(heap)} (start ${mb(base.heapUsed)}); ${report.summary.errors} violations`);
