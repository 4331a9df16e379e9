/** Machine output: the report as is, written the one way specmap writes JSON. */
import { toJsonText } from '../../io/json.js';
import type { VerifyReport } from '../types.js';

export function formatJson(report: VerifyReport): string {
  return toJsonText(report);
}
