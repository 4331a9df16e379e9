/**
 * Before the first `sync` there is no model and no mapping.json: every part of `check` would
 * report its own missing file. One finding says what is true instead: nothing has been synced.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '../config/schema.js';
import type { CheckResult } from './run-check.js';

export function notSyncedResult(config: Config, root: string): CheckResult | undefined {
  if (existsSync(resolve(root, config.model)) || existsSync(resolve(root, config.mapping))) return undefined;
  return {
    findings: [
      {
        kind: 'not-synced',
        severity: 'error',
        message: `specmap sync has not run here yet: there is no ${config.model} and no ${config.mapping} to check against`,
        fix: 'specmap sync',
      },
    ],
    ran: [],
    skipped: ['sources', 'generated', 'mapping'],
    memo: false,
  };
}
