/**
 * Severities per check: every check is an error unless configured otherwise — in the config's
 * `check.severity` map under `verify-<id>` (e.g. `"verify-schema": "warn"`), or with `--severity id=level`.
 */
import { UsageError } from '../diagnostics/errors.js';
import { escapeControl } from '../io/control-chars.js';
import { CHECK_IDS, type CheckId, type VerifySeverity } from './types.js';

type SeverityLevel = VerifySeverity | 'off';
export type SeverityMap = Record<CheckId, SeverityLevel>;

export function resolveSeverities(config: Record<string, string>, flags: readonly string[] = []): SeverityMap {
  const out = Object.fromEntries(CHECK_IDS.map((id) => [id, 'error'])) as SeverityMap;
  for (const id of CHECK_IDS) {
    const level = config[`verify-${id}`];
    if (level === 'error' || level === 'warn' || level === 'off') out[id] = level;
  }
  for (const flag of flags) {
    const [id, level] = flag.split('=');
    if (!CHECK_IDS.includes(id as CheckId) || !['error', 'warn', 'off'].includes(level ?? '')) {
      throw new UsageError(
        `Found --severity ${escapeControl(flag)}, expected <check>=error|warn|off with check one of ${CHECK_IDS.join(', ')}`,
      );
    }
    out[id as CheckId] = level as SeverityLevel;
  }
  return out;
}
