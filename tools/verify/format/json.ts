/** Machine output: the report as is, written the one way specmap writes JSON, with no raw control characters. */
import { toJsonText } from '../../io/json.js';
import type { VerifyReport } from '../types.js';
import { escapeJsonText } from './escape.js';

export function formatJson(report: VerifyReport): string {
  return escapeJsonText(toJsonText(report));
}
