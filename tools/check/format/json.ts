import { toJsonText } from '../../io/json.js';
import type { CheckResult } from '../run-check.js';

export const CHECK_JSON_VERSION = 1;

export function formatJson(result: CheckResult): string {
  return toJsonText({
    version: CHECK_JSON_VERSION,
    clean: result.findings.every((f) => f.severity !== 'error'),
    ran: result.ran,
    skipped: result.skipped,
    findings: result.findings,
  });
}
