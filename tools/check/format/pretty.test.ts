import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../run-check.js';
import { formatPretty } from './pretty.js';

const result = (over: Partial<CheckResult>): CheckResult => ({ findings: [], ran: [], skipped: [], memo: false, ...over });

describe('formatPretty', () => {
  it.each<[string, CheckResult, string]>([
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
      'a lost location: its own fix under it, and the summary does not offer sync as the only way',
      result({
        ran: ['mapping'],
        findings: [
          {
            kind: 'mapping-location-lost',
            severity: 'error',
            id: 'event:response.created',
            lane: 'outbound',
            file: 'app/main.py',
            line: 14,
            message: 'emitter `emit_created` is no longer found in app/main.py (lane outbound)',
            fix: 'restore the emitter at app/main.py:14, or run `specmap sync` to accept the loss',
          },
          {
            kind: 'mapping-status-changed',
            severity: 'error',
            id: 'event:response.created',
            message: 'status would change from implemented to partial',
            fix: 'specmap sync',
          },
        ],
      }),
      [
        'error mapping-location-lost  event:response.created [outbound]: emitter `emit_created` is no longer found in app/main.py (lane outbound)  (app/main.py:14)',
        '    fix: restore the emitter at app/main.py:14, or run `specmap sync` to accept the loss',
        'error mapping-status-changed  event:response.created: status would change from implemented to partial',
        '',
        '2 errors, 0 warnings; fix: restore the lost code named above, or run specmap sync to accept the changes',
        '',
      ].join('\n'),
    ],
  ])('%s', (_name, given, want) => {
    expect(formatPretty(given)).toBe(want);
  });
});
