/**
 * The README's first command on a fresh clone is `npm ci && npm run build && npx specmap sync`;
 * npx runs `dist/cli.js` through the package's bin link, so the build must leave it executable
 * (tsc writes files without the bit). `npm test` builds before this runs.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI } from '../helpers/temp-workspace.js';

describe('the build', () => {
  it('leaves the CLI executable, so a fresh clone can run it directly', () => {
    expect(statSync(CLI).mode & 0o111).toBe(0o111);
    const run = spawnSync(CLI, ['--version'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
