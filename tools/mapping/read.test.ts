import { describe, expect, it } from 'vitest';
import { InputError } from '../diagnostics/errors.js';
import { parseMapping } from './read.js';

const base = { mappingVersion: 1, sources: {}, lanes: [], orphans: {}, unknownLiterals: [], summary: {} };
const entry = (manual: unknown) => ({ kind: 'event', anchor: null, lanes: {}, status: 'missing', manual });

describe('parseMapping', () => {
  it('keeps manual blocks exactly as written, key order and unknown keys included', () => {
    const manual = { zz: { b: 1, a: [2, 'x'] }, used: 'no', notes: 'n', knownIssues: ['k'] };
    const text = JSON.stringify(
      { ...base, items: { 'event:x': entry(manual) }, orphans: { 'event:y': { origin: 'o', manual: { used: 'y', notes: 'z' } } } },
      null,
      2,
    );
    const m = parseMapping(text, 'mapping.json');
    expect(JSON.stringify(m.items['event:x']!.manual)).toBe(JSON.stringify(manual));
    expect(JSON.stringify(m.orphans['event:y']!.manual)).toBe('{"used":"y","notes":"z"}');
  });

  it.each([
    ['broken JSON', '{ "items": ', 'mapping-invalid-json'],
    ['wrong shape', JSON.stringify({ ...base, items: { 'event:x': { kind: 'nope' } } }), 'mapping-invalid'],
  ])('refuses %s with a diagnostic (the file is never replaced)', (_name, text, code) => {
    try {
      parseMapping(text, 'mapping.json');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).diagnostics[0]!.code).toBe(code);
    }
  });
});
