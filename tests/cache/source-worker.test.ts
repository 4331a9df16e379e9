/**
 * The sources' worker started ahead of need (read-in-worker.ts `prewarmSourceWorker`), driven through
 * the built tool in a process of its own, since a worker runs only from `dist/`: it reads a
 * large source exactly as the main thread does, it is ended when no file turns out to need it, and
 * an unused one never holds the process open.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dist = resolve(import.meta.dirname, '../../dist/sources');
const spec = resolve(import.meta.dirname, '../../../shared/reference/openapi/openai-openapi-2026-08-21.yaml');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Runs an ES module body with the worker module and a fresh cache folder; returns its stdout. */
function run(body: string, withSourcesCache = false): string {
  const cacheDir = mkdtempSync(join(tmpdir(), 'specmap-worker-'));
  dirs.push(cacheDir);
  if (withSourcesCache) mkdirSync(join(cacheDir, 'sources'));
  const script = `
    import { readFileSync } from 'node:fs';
    import { prewarmSourceWorker, readInWorker } from ${JSON.stringify(`${dist}/read-in-worker.js`)};
    import { readSourceGuarded } from ${JSON.stringify(`${dist}/read-guarded.js`)};
    import { DiagnosticBag } from ${JSON.stringify(`${dist}/../diagnostics/diagnostic.js`)};
    const cacheDir = ${JSON.stringify(cacheDir)};
    const file = {
      config: { path: 'spec.yaml' },
      info: { id: 'spec.yaml', kind: 'openapi', path: 'spec.yaml', sha256: '' },
      text: readFileSync(${JSON.stringify(spec)}, 'utf8'),
    };
    ${body}
  `;
  // A file, not `-e`: a worker inherits the parent's flags, and `--input-type` would stop it.
  const main = join(cacheDir, 'main.mjs');
  writeFileSync(main, script);
  const r = spawnSync(process.execPath, [main], { encoding: 'utf8', timeout: 60_000 });
  expect(r.error, 'the process must end by itself').toBeUndefined();
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

describe('the prewarmed sources worker', () => {
  it('reads a large source to the same extract and diagnostics as the main thread', () => {
    const out = run(`
      prewarmSourceWorker(cacheDir);
      const here = new DiagnosticBag();
      const extract = await readSourceGuarded(file, here);
      const read = await readInWorker([file]).get(file);
      console.log(JSON.stringify({
        same: JSON.stringify(read.extract) === JSON.stringify(extract),
        diagnostics: JSON.stringify(read.diagnostics) === JSON.stringify(here.items),
        events: extract.events.length,
      }));
    `);
    const result = JSON.parse(out) as { same: boolean; diagnostics: boolean; events: number };
    expect(result.events).toBeGreaterThan(0);
    expect(result).toMatchObject({ same: true, diagnostics: true });
  });

  // Threads of this process as Linux counts them: a worker adds its own.
  const threads = "const threads = () => Number(/Threads:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]);";

  it('an unused one lets the process end', () => {
    // The run must exit on its own: `run` fails on a timeout.
    expect(run(`prewarmSourceWorker(cacheDir); console.log('left');`)).toBe('left\n');
  });

  // An unused worker never holds the process open, so only its threads show that it was ended.
  it.skipIf(!existsSync('/proc/self/status'))('is ended when no file needs it', () => {
    expect(
      run(
        `${threads}
        prewarmSourceWorker(cacheDir);
        await new Promise((r) => setTimeout(r, 300));
        const during = threads();
        readInWorker([]);
        await new Promise((r) => setTimeout(r, 300));
        console.log(threads() < during ? 'ended' : 'alive');`,
      ),
    ).toBe('ended\n');
  });
  const started = (withSourcesCache: boolean) =>
    run(
      `${threads}
      const before = threads();
      prewarmSourceWorker(cacheDir);
      await new Promise((r) => setTimeout(r, 300));
      console.log(threads() > before ? 'started' : 'not started');`,
      withSourcesCache,
    );

  it.skipIf(!existsSync('/proc/self/status'))('starts only when the cache holds no source extracts', () => {
    expect(started(false)).toBe('started\n');
    expect(started(true)).toBe('not started\n');
  });
});
