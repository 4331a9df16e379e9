/**
 * Library first: every command is a function that returns data. Only the CLI (`tools/cli/`,
 * `tools/cli.ts`) writes to the terminal and decides how the process ends; anything else that
 * prints or exits would print into a caller's output, or end a caller's process, when it is used
 * through the programmatic API.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const TOOLS = resolve(import.meta.dirname, '../../tools');

/** The genuine exceptions, each with the reason it may print or exit. */
const ALLOWED: Record<string, string> = {
  'scripts/emit-schemas.ts': 'a build script run by `npm run schemas`, not part of the package API: it says what it wrote',
  'scripts/finish-build.ts':
    'the build script, not part of the package API: it silences the CLI run it makes its code cache after, puts back the exit code that run set, and warns when the run failed',
  'verify/input/spool.ts':
    'after Ctrl-C or SIGTERM, re-raises the signal and exits as a shell reports a signal: the process was ending anyway',
};

const FORBIDDEN: [string, RegExp][] = [
  ['process.stdout / process.stderr', /\bprocess\s*\.\s*(?:stdout|stderr)\b/],
  ['console.*', /\bconsole\s*\.\s*\w+/],
  ['process.exit / process.exitCode', /\bprocess\s*\.\s*(?:exit|exitCode)\b/],
  ['a destructured process stream or exit', /\{[^}]*\b(?:stdout|stderr|exit|exitCode)\b[^}]*\}\s*=\s*process\b/],
];

/** Code only: block comments and comment lines may name what they do not do. */
function code(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n');
}

/** What a file's code does of the forbidden things. */
function violations(text: string): string[] {
  const body = code(text);
  return FORBIDDEN.filter(([, pattern]) => pattern.test(body)).map(([what]) => what);
}

function libraryFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path === join(TOOLS, 'cli') ? [] : libraryFiles(path);
    if (path === join(TOOLS, 'cli.ts')) return [];
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the library never prints or exits', () => {
  it.each<[string, string, string[]]>([
    ['a write to stdout', "process.stdout.write('x');", ['process.stdout / process.stderr']],
    ['a write to stderr, spaced', 'process . stderr . write(line)', ['process.stdout / process.stderr']],
    ['console.log', 'console.log(x)', ['console.*']],
    ['console.error', 'if (bad) console.error(e);', ['console.*']],
    ['an exit', 'process.exit(2)', ['process.exit / process.exitCode']],
    ['an exit code', 'process.exitCode = 1;', ['process.exit / process.exitCode']],
    ['a destructured stream', 'const { stdout } = process;', ['a destructured process stream or exit']],
    ['a comment naming them', '// never process.exit here\n/* nor console.log */\nreturn 0;', []],
    ['process.cwd', 'resolve(process.cwd(), path)', []],
    ['a property named exitCode', 'return { exitCode: 1 };', []],
  ])('the detector: %s', (_name, text, want) => {
    expect(violations(text)).toEqual(want);
  });

  it('no file under tools/ outside the CLI prints, logs or exits', () => {
    const found = libraryFiles(TOOLS)
      .map((file) => ({ file: relative(TOOLS, file), what: violations(readFileSync(file, 'utf8')) }))
      .filter(({ file, what }) => what.length && !(file in ALLOWED))
      .map(({ file, what }) => `tools/${file}: ${what.join(', ')} (return data and let tools/cli/ print it)`);
    expect(found).toEqual([]);
  });

  it('every allowed exception still needs its exception', () => {
    const stale = Object.keys(ALLOWED).filter((file) => !violations(readFileSync(join(TOOLS, file), 'utf8')).length);
    expect(stale).toEqual([]);
  });
});
