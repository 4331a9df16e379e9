import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import { parseList } from './parse-list.js';

describe('parseList', () => {
  it.each<[string, string, { types: string[]; keys: string[][]; lines: number[]; group?: string }]>([
    [
      'a top-level list',
      '- type: gizmo.on\n  correlation_keys: [gizmo_id]\n  description: On.\n- type: gizmo.off\n',
      { types: ['gizmo.on', 'gizmo.off'], keys: [['gizmo_id'], []], lines: [1, 4] },
    ],
    [
      '`events:` beside `group:`',
      'group: gizmos\nevents:\n  - type: gizmo.on\n    correlationKeys: "a, b"\n',
      { types: ['gizmo.on'], keys: [['a', 'b']], lines: [3], group: 'gizmos' },
    ],
  ])('%s', (_name, text, want) => {
    const parsed = parseList(text, 'c.yaml', new DiagnosticBag());
    expect(parsed.entries.map((e) => e.type)).toEqual(want.types);
    expect(parsed.entries.map((e) => e.correlationKeys)).toEqual(want.keys);
    expect(parsed.entries.map((e) => e.line)).toEqual(want.lines);
    expect(parsed.group).toBe(want.group);
  });

  it.each<[string, string, string]>([
    ['malformed YAML', '- type: [unclosed\n', 'c.yaml:2 catalog-malformed'],
    ['not a list', 'hello: world\n', 'c.yaml:1 catalog-malformed'],
    ['an entry without type', '- type: ok.one\n- description: no type\n', 'c.yaml:2 catalog-bad-type'],
  ])('%s is reported with its line', (_name, text, want) => {
    const bag = new DiagnosticBag();
    parseList(text, 'c.yaml', bag);
    expect(bag.items.map((d) => `${d.file}:${d.line} ${d.code}`)).toEqual([want]);
  });
});
