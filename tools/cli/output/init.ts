/** What `specmap init` prints: what it found, the lanes it proposes, what it would write. */
import type { InitPlan } from '../../commands/init.js';
import { toJsonText } from '../../io/json.js';
import { plural } from './emit.js';

export function formatInitPlan(plan: InitPlan): string {
  const f = plan.found;
  const lines = ['specmap init: what this repository holds'];
  const byLanguage = (language: string) => f.frameworks.filter((x) => x.language === language);
  for (const [language, n] of [
    ['python', f.python],
    ['typescript', f.typescript],
  ] as const) {
    const seen = byLanguage(language).map((x) => `${x.title} in ${x.file}`);
    lines.push(`  ${language}: ${plural(n, 'file')}${seen.length ? ` (${seen.join('; ')})` : ''}`);
  }
  lines.push(`  tests: ${plural(f.tests, 'file')}; recorded traces: ${plural(f.traces, 'file')}`);
  lines.push(
    `  sources: ${plan.proposal.placeholderSources ? `none found (no DOC_*.md or openapi*.yaml); placeholder ${plan.proposal.sources.join(', ')}: put the reference pages there or edit \`sources\`` : plan.proposal.sources.join(', ')}`,
  );
  if (plan.proposal.lanes.length) {
    lines.push('lanes:');
    const width = Math.max(...plan.proposal.lanes.map((l) => l.name.length));
    for (const l of plan.proposal.lanes) {
      const exclude = l.exclude?.length ? ` except ${l.exclude.join(', ')}` : '';
      lines.push(
        `  ${l.name.padEnd(width)}  ${l.kinds.join(', ')}: ${l.include.join(', ')}${exclude} (${plural(plan.laneFiles[l.name] ?? 0, 'file')})`,
      );
    }
  } else {
    lines.push('lanes: none (no Python or TypeScript code, tests or traces found); add lanes when there is code to map');
  }
  lines.push(`generate: ${plan.proposal.targets.join(', ')}`);
  lines.push(plan.gitignore.length ? `.gitignore: add ${plan.gitignore.join(', ')}` : '.gitignore: already lists the build products');
  return lines.join('\n') + '\n';
}

export function formatInitJson(plan: InitPlan, written: string[]): string {
  return toJsonText({
    config: plan.configFile,
    written,
    found: plan.found,
    sources: plan.proposal.sources,
    placeholderSources: plan.proposal.placeholderSources,
    lanes: plan.proposal.lanes.map((l) => ({ ...l, files: plan.laneFiles[l.name] ?? 0 })),
    targets: plan.proposal.targets,
    implemented: plan.proposal.implemented,
    gitignore: plan.gitignore,
    next: plan.next,
  });
}
