import { describe, expect, it } from 'vitest';
import type { CheckCommandResult } from '../../commands/check.js';
import type { Finding } from '../../check/findings.js';
import { fromCheckFinding } from '../../problems/from-check-finding.js';
import { formatProblems } from '../format/index.js';
import { checkView } from './check.js';

const result = (over: Partial<CheckCommandResult>, findings: Finding[] = []): CheckCommandResult => ({
  findings,
  problems: findings.map((f) => fromCheckFinding(f)),
  ran: [],
  skipped: [],
  memo: false,
  ...over,
});

const lost: Finding = {
  kind: 'mapping-location-lost',
  severity: 'error',
  id: 'event:response.created',
  lane: 'outbound',
  file: 'app/main.py',
  line: 14,
  message: 'emitter `emit_created` is no longer found in app/main.py (lane outbound)',
  fix: 'restore the emitter at app/main.py:14, or run `specmap sync` to accept the loss',
};
const changed: Finding = {
  kind: 'mapping-status-changed',
  severity: 'error',
  id: 'event:response.created',
  message: 'status would change from implemented to partial',
  fix: 'specmap sync',
};

describe('check output', () => {
  it.each<[string, CheckCommandResult, string]>([
    [
      'a full clean run names its parts',
      result({ ran: ['sources', 'generated', 'mapping'] }),
      'specmap check: clean (sources, generated, mapping)\n',
    ],
    [
      'the memo says so instead of an empty list',
      result({ memo: true, skipped: ['sources', 'generated', 'mapping'] }),
      'specmap check: clean (nothing changed since the last clean check)\n',
    ],
    [
      'a hook run no part applied to',
      result({ skipped: ['sources', 'generated', 'mapping'] }),
      'specmap check: clean (nothing to check)\n',
    ],
    [
      'a lost location: its own fix under it; the shared fix once, and not offered as the only way',
      result({ ran: ['mapping'] }, [lost, changed]),
      [
        'app/main.py:14: error event:response.created [outbound]: emitter `emit_created` is no longer found in app/main.py (lane outbound) [mapping-location-lost]',
        '    fix: restore the emitter at app/main.py:14, or run `specmap sync` to accept the loss',
        'error event:response.created: status would change from implemented to partial [mapping-status-changed]',
        '',
        '2 errors, 0 warnings; fix: restore the lost code named above, or run specmap sync to accept the changes',
        '',
      ].join('\n'),
    ],
  ])('%s', (_name, given, want) => {
    expect(formatProblems(checkView(given), 'pretty')).toBe(want);
  });

  it('json: versioned, clean unless an error, the findings and the same findings as problems', () => {
    const json = JSON.parse(formatProblems(checkView(result({ ran: ['mapping'] }, [{ ...changed, severity: 'warn' }])), 'json'));
    expect(json).toMatchObject({ version: 1, clean: true, ran: ['mapping'], findings: [{ kind: 'mapping-status-changed' }] });
    expect(json.problems).toEqual([
      {
        code: 'mapping-status-changed',
        severity: 'warning',
        message: 'status would change from implemented to partial',
        subject: 'event:response.created',
        fix: 'specmap sync',
      },
    ]);
  });

  it('github and sarif keep the shared fix on every finding', () => {
    expect(formatProblems(checkView(result({}, [changed])), 'github')).toContain('fix: specmap sync');
    expect(JSON.parse(formatProblems(checkView(result({}, [changed])), 'sarif')).runs[0].results[0].properties).toEqual({
      fix: 'specmap sync',
    });
  });
});
