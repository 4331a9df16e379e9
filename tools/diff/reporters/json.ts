/** `--format json`: the command's result as data (`JSON.stringify(x, null, 2) + '\n'`). */
import { toJsonText } from '../../io/json.js';
import type { Report } from './report.js';

export function formatJson(report: Report): string {
  return toJsonText(report.data);
}
