import { describe, expect, it } from 'vitest';
import { compareDiagnostics, DiagnosticBag, hasErrors, type Diagnostic } from './diagnostic.js';
import { ConfigError, EXIT, GeneratorError, InputError, UsageError } from './errors.js';

const d = (over: Partial<Diagnostic>): Diagnostic => ({
  severity: 'error',
  code: 'c',
  file: 'a.md',
  line: 1,
  column: 1,
  message: 'Found x, expected y',
  ...over,
});

describe('hasErrors', () => {
  it.each([
    [[], false, false],
    [[d({ severity: 'warning' })], false, false],
    [[d({ severity: 'warning' })], true, true],
    [[d({})], false, true],
  ] as const)('%j strict=%s → %s', (given, strict, want) => {
    expect(hasErrors(given, strict)).toBe(want);
  });
});

describe('DiagnosticBag', () => {
  it('collects everything and sorts by file, line, column, code', () => {
    const bag = new DiagnosticBag();
    bag.warn({ code: 'b', file: 'b.md', line: 1, column: 1, message: 'm' });
    bag.error({ code: 'z', file: 'a.md', line: 10, column: 2, message: 'm' });
    bag.error({ code: 'y', file: 'a.md', line: 10, column: 2, message: 'm' });
    bag.add(d({ file: 'a.md', line: 2 }));
    expect(bag.sorted().map((x) => `${x.file}:${x.line}:${x.column} ${x.severity} ${x.code}`)).toEqual([
      'a.md:2:1 error c',
      'a.md:10:2 error y',
      'a.md:10:2 error z',
      'b.md:1:1 warning b',
    ]);
    expect(bag.items).toHaveLength(4);
    expect(compareDiagnostics(d({}), d({}))).toBe(0);
  });
});

describe('error classes and exit codes', () => {
  it.each([
    [new InputError('i'), 'input', 'InputError'],
    [new ConfigError('c'), 'config', 'ConfigError'],
    [new GeneratorError('g'), 'generator', 'GeneratorError'],
    [new UsageError('u'), 'usage', 'UsageError'],
  ])('%s', (error, kind, name) => {
    expect(error.kind).toBe(kind);
    expect(error.name).toBe(name);
    expect(error.diagnostics).toEqual([]);
  });

  it('exit codes are API', () => {
    expect(EXIT).toEqual({ clean: 0, findings: 1, error: 2 });
  });
});
