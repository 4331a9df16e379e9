/**
 * `import`'s result as a ProblemReport: how many fields were read and placed, the legacy anchors
 * that differ, the claims the code contradicts and the stale code lines, each under its heading,
 * and what was written. Orphans are listed in the first line; the machine formats carry them too.
 */
import type { ImportResult } from '../../commands/import.js';
import type { Problem } from '../../problems/problem.js';
import { RULE_DESCRIPTIONS } from '../../problems/rules.js';
import { prose } from '../format/markdown-text.js';
import type { ProblemGroup, ProblemReport } from '../format/report.js';

const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;

const byCode = (problems: readonly Problem[], code: string) => problems.filter((p) => p.code === code);

export function importView(r: ImportResult): ProblemReport {
  const stale = byCode(r.problems, 'legacy-code-location-stale');
  const contradicted = byCode(r.problems, 'legacy-claim-contradicted');
  const anchors = byCode(r.problems, 'legacy-anchor-differs');
  const groups: ProblemGroup[] = [
    {
      title: `${n(anchors.length, 'legacy anchor differs', 'legacy anchors differ')} from the spec's (kept under manual.legacy):`,
      problems: anchors,
    },
    {
      title: `${n(contradicted.length, 'legacy claim', 'legacy claims')} the code contradicts (not copied as status; kept in mapping.json as legacyFindings):`,
      problems: contradicted,
    },
    { title: `${n(stale.length, 'legacy code location', 'legacy code locations')} no longer where the code is:`, problems: stale },
  ].filter((g) => g.problems.length);
  const { summary: _summary, dryRun: _dryRun, ...data } = r;
  const first = `read ${r.read} fields from ${r.file}, placed ${r.placed}: ${r.items} entries on spec items, ${r.orphans.length} kept as orphans (${r.orphans.join(', ')})`;
  const last = `${r.dryRun ? 'would write' : r.written ? 'wrote' : 'unchanged'} ${r.mapping}: ${r.summary}`;
  return {
    command: 'import',
    problems: r.problems,
    data,
    groups,
    pretty: { header: [first], footer: [last] },
    markdown: { header: ['## specmap import', '', prose(first)], footer: ['', prose(last)] },
    rules: RULE_DESCRIPTIONS.import!,
  };
}
