/**
 * Rewrites tests/suite/durations.json from a Vitest JSON report: each test file's duration in
 * seconds, one decimal, sorted by file. Run by `npm run test:durations` (the whole suite once).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DURATIONS } from './longest-first.js';

interface Report {
  testResults: { name: string; startTime: number; endTime: number }[];
}

const [reportPath] = process.argv.slice(2);
if (!reportPath) throw new Error('usage: tsx tests/suite/write-durations.ts REPORT.json');
const root = fileURLToPath(new URL('../../', import.meta.url));
const report = JSON.parse(readFileSync(reportPath, 'utf8')) as Report;
const entries = report.testResults
  .map((r) => [relative(root, r.name).split('\\').join('/'), Math.round((r.endTime - r.startTime) / 100) / 10] as const)
  .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
writeFileSync(DURATIONS, `${JSON.stringify(Object.fromEntries(entries), null, 2)}\n`);
console.log(`wrote ${relative(process.cwd(), fileURLToPath(DURATIONS))}: ${entries.length} test files`);
