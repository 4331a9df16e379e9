/** A reader that stops early closes stdout: specmap stops quietly with its own exit code, no EPIPE stack. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/temp-workspace.js';

describe('stdout closed by the reader', () => {
  it('report --stdout | head: exit 0 and nothing on stderr', () => {
    const cli = join(REPO, 'dist/cli.js');
    const r = spawnSync(
      'bash',
      ['-o', 'pipefail', '-c', `"${process.execPath}" "${cli}" report --stdout --format json | head -c 20 >/dev/null`],
      { cwd: REPO, encoding: 'utf8', env: { ...process.env, CI: '1' } },
    );
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
    expect(r.status).toBe(0);
  });
});
