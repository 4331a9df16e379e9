/** Changes → the Report the reporters format (reporters/report.ts). */
import { parseAnchor } from '../model/anchor.js';
import type { SourceInfo } from '../model/schema.js';
import type { SkippedPath } from '../sources/source-extract.js';
import { CHANGE_CLASSES, type Change } from './change.js';
import { describeChange } from './describe.js';
import { codeSpan } from './reporters/code-span.js';
import type { Report, ReportAnchor } from './reporters/report.js';

/** `DOC.md:10-20` → the file's path (as the model's sources give it) and its first line. */
export function locate(label: string, anchor: string, sources: readonly SourceInfo[]): ReportAnchor {
  const parts = parseAnchor(anchor);
  const source = parts && sources.find((s) => s.id === parts.file);
  return { label, anchor, ...(source ? { file: source.path } : {}), ...(parts ? { line: parts.start } : {}) };
}

const LEVEL = { breaking: 'error', warning: 'warning', deprecation: 'warning', 'non-breaking': 'notice', 'docs-only': 'notice' } as const;

const preferred = (c: Change): 'old' | 'new' => (c.kind.endsWith('-removed') ? 'old' : 'new');

export interface DiffResult {
  old: string;
  new: string;
  scope: string;
  failOn: string;
  summary: Record<Change['class'], number>;
  changes: Change[];
  /**
   * Paths each side's reader saw in scope and left out (`/responses?beta=true`), so not compared;
   * empty when `--include-skipped` read them.
   */
  skipped: { old: SkippedPath[]; new: SkippedPath[] };
}

/** A location reached from elsewhere than its own item lists the items it affects. */
const affects = (c: Change): string[] | undefined => (c.items.length > 1 || !c.location.startsWith(c.item) ? c.items : undefined);

function skippedNotes(result: DiffResult): string[] {
  const both = [...result.skipped.old.map((s) => ['old', s] as const), ...result.skipped.new.map((s) => ['new', s] as const)];
  return both.map(
    ([side, s]) => `not compared: ${codeSpan(s.path)} (${side}: ${codeSpan(s.anchor)}), ${s.reason}; \`--include-skipped\` compares it`,
  );
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
          // The location, with the direction when the same location changed for both (`… (response)`).
          path: c.id.slice(c.kind.length + 1),
          message: describeChange(c),
          ...(affects(c) ? { affects: affects(c) } : {}),
          // The first anchor is where an annotation goes: the new version, unless the thing is gone.
          anchors: [
            ...(c.anchors.new ? [locate('new', c.anchors.new, newSources)] : []),
            ...(c.anchors.old ? [locate('old', c.anchors.old, oldSources)] : []),
          ].sort((x, y) => (x.label === preferred(c) ? -1 : y.label === preferred(c) ? 1 : 0)),
        })),
    ),
    notes: skippedNotes(result),
    data: result,
  };
}
