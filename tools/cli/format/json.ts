/** Machine output: the command's result as is (it carries `problems`), written the one way specmap writes JSON. */
import { escapeJsonText } from '../../io/control-chars.js';
import { toJsonText } from '../../io/json.js';
import type { ProblemReport } from './report.js';

export function formatJson(report: ProblemReport): string {
  return escapeJsonText(toJsonText(report.data));
}
