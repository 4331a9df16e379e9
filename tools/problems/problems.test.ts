import { describe, expect, it } from 'vitest';
import type { Change } from '../diff/change.js';
import type { SourceInfo } from '../model/schema.js';
import { fromCheckFinding } from './from-check-finding.js';
import { fromCrosscheckFinding } from './from-crosscheck-finding.js';
import { fromDiagnostic } from './from-diagnostic.js';
import { fromDiffChange } from './from-diff-change.js';
import { fromLegacyFinding } from './from-legacy.js';
import { fromVerifyFinding } from './from-verify-finding.js';
import { anchorLocation, formatLocation } from './location.js';
import type { Problem } from './problem.js';

const sources = [{ id: 'DOC.md', path: 'docs/DOC.md' }] as SourceInfo[];

const change = (over: Partial<Change>): Change => ({
  id: 'field-removed event:x#a',
  location: 'event:x#a',
  path: 'event:x#a',
  item: 'event:x',
  items: ['event:x'],
  paths: ['event:x#a'],
  kind: 'field-removed',
  class: 'breaking',
  direction: 'response',
  anchors: { old: 'DOC.md:3-4', new: 'DOC.md:9' },
  ...over,
});

describe('locations', () => {
  it.each<[string, string | undefined, string | undefined]>([
    ['an anchor names the source file by its path', 'DOC.md:3-4', 'docs/DOC.md:3-4'],
    ['one line', 'DOC.md:9', 'docs/DOC.md:9'],
    ['a source the model does not list keeps its id', 'other.md:1-2', 'other.md:1-2'],
    ['not an anchor', 'DOC.md', undefined],
  ])('%s', (_name, anchor, want) => {
    const l = anchorLocation(anchor!, sources);
    expect(l && formatLocation(l)).toBe(want);
  });
});

describe('converters', () => {
  it.each<[string, Problem, Partial<Problem>]>([
    [
      'a diagnostic: its position and its hint as the fix',
      fromDiagnostic({ severity: 'warning', code: 'c', file: 'a.md', line: 2, column: 3, message: 'm', hint: 'h' }),
      { code: 'c', severity: 'warning', location: { file: 'a.md', line: 2, column: 3 }, fix: 'h' },
    ],
    [
      'a check finding: the code location, the spec anchor related, warn as warning',
      fromCheckFinding(
        {
          kind: 'mapping-location-lost',
          severity: 'warn',
          id: 'event:x',
          anchor: 'DOC.md:3-4',
          file: 'app.py',
          line: 14,
          lane: 'out',
          message: 'm',
        },
        sources,
      ),
      {
        code: 'mapping-location-lost',
        severity: 'warning',
        subject: 'event:x [out]',
        location: { file: 'app.py', line: 14 },
        related: [{ message: 'spec', location: { file: 'docs/DOC.md', line: 3, endLine: 4 } }],
        data: { id: 'event:x', lane: 'out' },
      },
    ],
    [
      'a verify finding vouched for: info, the verdict leads, the note follows',
      fromVerifyFinding({
        check: 'schema',
        severity: 'info',
        file: 't.jsonl',
        line: 21,
        event: 'response.done',
        message: 'Found x',
        verdict: 'reference-does-too',
        note: 'the reference server does this too',
        response: { index: 2, id: 'resp_1' },
      }),
      {
        code: 'schema',
        severity: 'info',
        subject: 'response.done',
        message: 'reference-does-too: response 2 resp_1: Found x — the reference server does this too',
        location: { file: 't.jsonl', line: 21 },
      },
    ],
    [
      'a removal is where it was; the new version related',
      fromDiffChange(change({}), sources, sources),
      {
        code: 'field-removed',
        severity: 'error',
        subject: 'event:x#a',
        location: { file: 'docs/DOC.md', line: 3, endLine: 4 },
        related: [{ message: 'new', location: { file: 'docs/DOC.md', line: 9 } }],
      },
    ],
    [
      'an addition is where it is now; a shared location lists the items; non-breaking is info',
      fromDiffChange(
        change({ id: 'field-added R#a', kind: 'field-added', class: 'non-breaking', location: 'R#a', items: ['event:x', 'object:r'] }),
        sources,
        sources,
      ),
      { severity: 'info', subject: 'R#a', items: ['event:x', 'object:r'], location: { file: 'docs/DOC.md', line: 9 } },
    ],
    [
      'a crosscheck presence finding warns, at the first anchor, the other related by source',
      fromCrosscheckFinding(
        {
          id: 'field-only-in event:x#a',
          kind: 'field-only-in',
          path: 'event:x#a',
          item: 'event:x',
          values: [
            { source: 'DOC.md', value: false },
            { source: 'api.yaml', value: true },
          ],
          anchors: [
            { source: 'DOC.md', anchor: 'DOC.md:3' },
            { source: 'api.yaml', anchor: 'api.yaml:40-41' },
          ],
        },
        sources,
      ),
      {
        code: 'field-only-in',
        severity: 'warning',
        message: 'only in api.yaml (not in DOC.md)',
        location: { file: 'docs/DOC.md', line: 3 },
        related: [{ message: 'api.yaml', location: { file: 'api.yaml', line: 40, endLine: 41 } }],
      },
    ],
    [
      'a stale legacy code line',
      fromLegacyFinding('event:x', 'legacy code location a.py:9 is stale: the code has f at line 12'),
      { code: 'legacy-code-location-stale', severity: 'warning', subject: 'event:x' },
    ],
    [
      'a contradicted legacy claim',
      fromLegacyFinding('event:x', 'marked implemented, but no location was found in any lane', { file: 'L.json', line: 3, column: 5 }),
      { code: 'legacy-claim-contradicted', location: { file: 'L.json', line: 3, column: 5 } },
    ],
  ])('%s', (_name, given, want) => {
    expect(given).toMatchObject(want);
    // Plain data: what JSON gives back is what went in.
    expect(JSON.parse(JSON.stringify(given))).toEqual(given);
  });
});
