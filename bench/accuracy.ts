/**
 * `npm run bench:accuracy`: precision, recall and invented items of the mapping per corpus and
 * lane, against the hand-written truth tables in tests/accuracy/ (real code in ../shared/corpora,
 * and fixtures that reproduce what a name-based mapping gets wrong). Targets: precision ≥ 97% and
 * recall ≥ 98% in every lane, no invented item.
 */
import { FIXTURE_CORPORA, REAL_CORPORA } from '../tests/accuracy/corpora.js';
import { measure } from '../tests/accuracy/measure.js';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`.padStart(7);
let failed = false;
for (const corpus of [...REAL_CORPORA, ...FIXTURE_CORPORA]) {
  const { score } = await measure(corpus);
  process.stdout.write(
    `\n${corpus.name}\n  ${'lane'.padEnd(12)} ${'truth'.padStart(6)} ${'found'.padStart(6)} ${'right'.padStart(6)} precision  recall\n`,
  );
  for (const l of score.lanes) {
    const ok = l.precision >= 0.97 && l.recall >= 0.98;
    failed ||= !ok;
    process.stdout.write(
      `  ${l.lane.padEnd(12)} ${String(l.truth).padStart(6)} ${String(l.found).padStart(6)} ${String(l.right).padStart(6)}   ${pct(l.precision)} ${pct(l.recall)}${ok ? '' : '  below target'}\n`,
    );
    for (const w of l.wrong) process.stdout.write(`      wrong   ${w}\n`);
    for (const m of l.missed) process.stdout.write(`      missed  ${m}\n`);
  }
  process.stdout.write(`  invented items: ${score.invented.length ? score.invented.join(', ') : 'none'}\n`);
  failed ||= score.invented.length > 0;
}
process.exitCode = failed ? 1 : 0;
