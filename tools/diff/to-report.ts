/** Changes → the Report the reporters format (reporters/report.ts). */
import { parseAnchor } from '../model/anchor.js';
import type { SourceInfo } from '../model/schema.js';
import { CHANGE_CLASSES, type Change } from './change.js';
import { describeChange } from './describe.js';
import type { Report, ReportAnchor } from './reporters/report.js';

/** `DOC.md:10-20` → the file's path (as the model's sources give it) and its first line. */
export function locate(label: string, anchor: string, sources: readonly SourceInfo[]): ReportAnchor {
  const parts = parseAnchor(anchor);
  const source = parts && sources.find((s) => s.id === parts.file);
  return { label, anchor, ...(source ? { file: source.path } : {}), ...(parts ? { line: parts.start } : {}) };
}

const LEVEL = { breaking: 'error', deprecation: 'warning', 'non-breaking': 'notice', 'docs-only': 'notice' } as const;

const preferred = (c: Change): 'old' | 'new' => (c.kind.endsWith('-removed') ? 'old' : 'new');

export interface DiffResult {
  old: string;
  new: string;
  scope: string;
  failOn: string;
  summary: Record<Change['class'], number>;
  changes: Change[];
}

export function diffReport(result: DiffResult, oldSources: readonly SourceInfo[], newSources: readonly SourceInfo[]): Report {
  const order = [...CHANGE_CLASSES].reverse();
  return {
    title: `specmap diff ${result.old} → ${result.new} (scope: ${result.scope})`,
    summary: order.map((c) => [c, result.summary[c]]),
    entries: order.flatMap((cls) =>
      result.changes
        .filter((c) => c.class === cls)
        .map((c) => ({
          level: LEVEL[c.class],
          group: c.class,
          path: c.path,
          message: describeChange(c),
          // The first anchor is where an annotation goes: the new version, unless the thing is gone.
          anchors: [
            ...(c.anchors.new ? [locate('new', c.anchors.new, newSources)] : []),
            ...(c.anchors.old ? [locate('old', c.anchors.old, oldSources)] : []),
          ].sort((x, y) => (x.label === preferred(c) ? -1 : y.label === preferred(c) ? 1 : 0)),
        })),
    ),
    data: result,
  };
}
