/** JSON reporter: the `Report` exactly, versioned by `reportVersion` (schema.ts documents every field). */
import { toJsonText } from '../../io/json.js';
import type { Report } from '../schema.js';

const REPORT_SCHEMA_URL = 'https://specmap.dev/schema/report.schema.json';

export function renderJson(report: Report): string {
  return toJsonText({ $schema: REPORT_SCHEMA_URL, ...report });
}
