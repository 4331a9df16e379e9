import { describe, expect, it } from 'vitest';
import { codeGlobs, testGlob, traceGlobs } from './globs.js';

describe('codeGlobs', () => {
  it.each<[string, string[], string[]]>([
    ['one folder, one extension', ['app/main.py', 'app/sub/x.py'], ['app/**/*.py']],
    ['root files', ['main.py'], ['*.py']],
    ['two folders, mixed extensions', ['src/a.ts', 'src/b.tsx', 'app/api/route.ts'], ['app/**/*.ts', 'src/**/*.{ts,tsx}']],
  ])('%s', (_name, files, want) => {
    expect(codeGlobs(files)).toEqual(want);
  });
});

describe('testGlob', () => {
  it.each<[string, string]>([
    ['tests/test_stream.py', 'tests/**/*.py'],
    ['backend/tests/unit/x.py', 'backend/tests/**/*.py'],
    ['web/src/__tests__/r.ts', 'web/src/__tests__/**/*.ts'],
    ['app/test_models.py', '**/test_*.py'],
    ['app/models_test.py', '**/*_test.py'],
    ['app/conftest.py', '**/conftest.py'],
    ['src/reducer.test.ts', '**/*.test.ts'],
    ['src/reducer.spec.tsx', '**/*.spec.tsx'],
  ])('%s → %s', (file, want) => {
    expect(testGlob(file)).toBe(want);
  });
});

describe('traceGlobs', () => {
  it('one glob per folder, with the extensions found there', () => {
    expect(traceGlobs(['traces/a.sse', 'traces/b.jsonl', 'x.sse'])).toEqual(['*.sse', 'traces/**/*.{jsonl,sse}']);
  });
});
