/** `--fail-on`: exit 1 when a change at or above the threshold exists (classes ordered in change.ts). */
import { CHANGE_CLASSES, type Change, type ChangeClass } from './change.js';

export const FAIL_ON = ['breaking', 'warning', 'deprecation', 'non-breaking', 'docs-only', 'none'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export function failsOn(changes: readonly Change[], threshold: FailOn): boolean {
  if (threshold === 'none') return false;
  const floor = CHANGE_CLASSES.indexOf(threshold as ChangeClass);
  return changes.some((c) => CHANGE_CLASSES.indexOf(c.class) >= floor);
}
