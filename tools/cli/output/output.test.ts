import { describe, expect, it } from 'vitest';
import type { GenerateResult } from '../../commands/generate.js';
import type { MapCommandResult } from '../../commands/map.js';
import type { SyncResult } from '../../commands/sync.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { fromDiagnostic, withProblems } from '../../problems/from-diagnostic.js';
import { pickFormat } from '../format/pick-format.js';
import { checkExitCode } from './check.js';
import type { Output } from './emit.js';
import { generateOutput } from './generate.js';
import { mapOutput } from './map.js';
import { syncOutput } from './sync.js';

const warning: Diagnostic = { severity: 'warning', code: 'no-lanes', file: 'specmap.config.json', line: 1, column: 1, message: 'no lanes' };
const sync = (over: Partial<SyncResult>): SyncResult => ({
  written: [],
  unchanged: 0,
  diagnostics: [],
  analyzerWarnings: [],
  problems: [],
  memo: false,
  ...over,
});

describe('what the CLI prints for a result', () => {
  it.each<[string, Output, Output]>([
    [
      'sync: diagnostics with their code, analyzer warnings without, then what was written',
      syncOutput(
        sync({
          written: ['mapping.json'],
          unchanged: 3,
          removed: ['generated/.x.tmp'],
          diagnostics: [warning],
          analyzerWarnings: [{ file: 'src/a.ts', line: 2, column: 5, message: 'cannot read' }],
        }),
        false,
      ),
      {
        stderr: 'specmap.config.json:1:1: warning no lanes [no-lanes]\nsrc/a.ts:2:5: warning cannot read\n',
        stdout: 'wrote mapping.json\nremoved 1 temporary file left by an interrupted run\nsync: 1 file written, 3 unchanged\n',
      },
    ],
    [
      'sync --json: the files, and the warnings as problems only',
      syncOutput(sync({ written: ['a', 'b'], unchanged: 1, diagnostics: [warning], problems: [fromDiagnostic(warning)] }), true),
      {
        stderr: '',
        stdout: `${JSON.stringify(
          {
            written: ['a', 'b'],
            unchanged: 1,
            problems: [
              {
                code: 'no-lanes',
                severity: 'warning',
                message: 'no lanes',
                location: { file: 'specmap.config.json', line: 1, column: 1 },
              },
            ],
          },
          null,
          2,
        )}\n`,
      },
    ],
    [
      'generate --dry-run: what would be written, counted as changed',
      generateOutput(
        {
          outDir: 'generated',
          dryRun: true,
          files: [
            { path: 'generated/a.ts', status: 'would-write' },
            { path: 'generated/b.ts', status: 'unchanged' },
          ],
          ...withProblems([]),
        } satisfies GenerateResult,
        false,
      ),
      { stderr: '', stdout: 'would write generated/a.ts\n1 changed, 1 unchanged in generated\n' },
    ],
    [
      'map answered from the memo: unchanged, with the stored warnings',
      mapOutput(
        { path: 'mapping.json', written: false, summary: '2 items', ...withProblems([warning]), memo: true } satisfies MapCommandResult,
        false,
      ),
      { stderr: 'specmap.config.json:1:1: warning no lanes [no-lanes]\n', stdout: 'unchanged mapping.json: 2 items\n' },
    ],
  ])('%s', (_name, given, want) => {
    expect(given).toEqual(want);
  });

  it.each<[string | undefined, boolean, string]>([
    [undefined, false, 'pretty'],
    [undefined, true, 'json'],
    ['github', true, 'github'],
    ['sarif', false, 'sarif'],
  ])('--format %s (--json %s) is %s', (format, json, want) => {
    expect(pickFormat({ format, json })).toBe(want);
  });

  it('an unknown format is refused before anything runs, its name made visible', () => {
    expect(() => pickFormat({ format: 'x\u001b[2J' })).toThrow(
      'Unexpected --format `x\\x1b[2J`, expected one of pretty, json, github, markdown, sarif',
    );
  });

  it('check exits 1 on an error finding, 0 on warnings alone', () => {
    const result = (severity: 'error' | 'warn') => ({
      findings: [{ kind: 'generated-stale' as const, severity, message: 'm' }],
      ran: [],
      skipped: [],
      memo: false,
    });
    expect(checkExitCode(result('error'))).toBe(1);
    expect(checkExitCode(result('warn'))).toBe(0);
  });
});
