/**
 * Globs for proposed lanes, derived from the files that exist, so every proposed include matches
 * something: one `<top folder>/**` glob per folder that holds code, test folders by their path,
 * test files by their naming convention, traces by their folder.
 */
const TEST_DIRS = new Set(['tests', 'test', '__tests__']);

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const extOf = (file: string) => file.slice(file.lastIndexOf('.') + 1);
const dirOf = (file: string) => (file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '');

function withExts(prefix: string, exts: readonly string[]): string {
  const e = sorted(exts);
  const tail = e.length === 1 ? `*.${e[0]}` : `*.{${e.join(',')}}`;
  return prefix ? `${prefix}/**/${tail}` : tail;
}

/** One glob per top-level folder holding the files (root files: `*.ext`). */
export function codeGlobs(files: readonly string[]): string[] {
  const byTop = new Map<string, string[]>();
  for (const f of files) {
    const top = f.includes('/') ? f.slice(0, f.indexOf('/')) : '';
    byTop.set(top, [...(byTop.get(top) ?? []), extOf(f)]);
  }
  return sorted([...byTop].map(([top, exts]) => withExts(top, exts)));
}

/** The glob that names a test file: its test folder, or its naming convention. */
export function testGlob(file: string): string {
  const parts = file.split('/');
  const at = parts.slice(0, -1).findIndex((p) => TEST_DIRS.has(p));
  if (at >= 0) return withExts(parts.slice(0, at + 1).join('/'), [extOf(file)]);
  const base = parts[parts.length - 1]!;
  if (base === 'conftest.py') return '**/conftest.py';
  if (/^test_.*\.pyi?$/.test(base)) return `**/test_*.${extOf(file)}`;
  if (/_test\.pyi?$/.test(base)) return `**/*_test.${extOf(file)}`;
  const m = /\.(test|spec)\.([cm]?[jt]sx?)$/.exec(base);
  return m ? `**/*.${m[1]}.${m[2]}` : file;
}

export function testGlobs(files: readonly string[]): string[] {
  return sorted(files.map(testGlob));
}

/** Traces by folder and extension (`traces/**\/*.sse`). */
export function traceGlobs(files: readonly string[]): string[] {
  const byDir = new Map<string, string[]>();
  for (const f of files) byDir.set(dirOf(f), [...(byDir.get(dirOf(f)) ?? []), extOf(f)]);
  return sorted([...byDir].map(([dir, exts]) => withExts(dir, exts)));
}
