/**
 * `diff` changes: breaking is an error, a warning or deprecation a warning, the rest information.
 * The change is where it is now (the new version), unless it is a removal: then where it was.
 */
import type { Change } from '../diff/change.js';
import { describeChange } from '../diff/describe.js';
import type { SourceInfo } from '../model/schema.js';
import { relatedAt } from './location.js';
import type { Problem, ProblemSeverity } from './problem.js';

const SEVERITY: Record<Change['class'], ProblemSeverity> = {
  breaking: 'error',
  warning: 'warning',
  deprecation: 'warning',
  'non-breaking': 'info',
  'docs-only': 'info',
};

/** A location reached from elsewhere than its own item lists the items it affects. */
const affects = (c: Change): string[] | undefined => (c.items.length > 1 || !c.location.startsWith(c.item) ? c.items : undefined);

export function fromDiffChange(c: Change, oldSources: readonly SourceInfo[], newSources: readonly SourceInfo[]): Problem {
  const sides = [...relatedAt('new', c.anchors.new, newSources), ...relatedAt('old', c.anchors.old, oldSources)];
  if (c.kind.endsWith('-removed')) sides.reverse();
  const [at, ...rest] = sides;
  const items = affects(c);
  return {
    code: c.kind,
    severity: SEVERITY[c.class],
    message: describeChange(c),
    // The location, with the direction when the same location changed for both (`… (response)`).
    subject: c.id.slice(c.kind.length + 1),
    ...(items ? { items } : {}),
    ...(at ? { location: at.location } : {}),
    ...(rest.length ? { related: rest } : {}),
    data: { id: c.id, class: c.class, direction: c.direction },
  };
}
