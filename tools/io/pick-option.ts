/** A flag's value among the ones allowed, checked before any work; a wrong one is a usage error. */
import { escapeControl } from './control-chars.js';
import { UsageError } from '../diagnostics/errors.js';

export function pickOption<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`Unexpected ${name} \`${escapeControl(value)}\`, expected one of ${allowed.join(', ')}`);
}
