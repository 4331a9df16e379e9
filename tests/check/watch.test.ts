/** `sync --watch` reruns when mapped code changes, and writes what changed. */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CLI, makeTempWorkspace, type TempWorkspace } from '../helpers/temp-workspace.js';

let ws: TempWorkspace;

beforeAll(async () => {
  ws = makeTempWorkspace();
  expect((await ws.run('sync')).code).toBe(0);
}, 300_000);

afterAll(() => ws?.cleanup());

it('reruns sync after an emitter is deleted, and mapping.json loses its location', async () => {
  const child = spawn(process.execPath, [CLI, 'sync', '--watch'], { cwd: ws.dir, env: { ...process.env, CI: '1' } });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const waitFor = async (test: () => boolean, what: string) => {
    for (let i = 0; i < 600 && !test(); i++) await new Promise((r) => setTimeout(r, 100));
    if (!test()) throw new Error(`timed out waiting for ${what}; stdout: ${out}; stderr: ${err}`);
  };
  try {
    await waitFor(() => err.includes('watching for changes'), 'the watcher');
    const file = 'examples/workspace/backend/app/stream.py';
    const text = ws.read(file);
    const start = text.indexOf('def build_text_done');
    const end = text.indexOf('\ndef ', start + 1);
    ws.write(file, text.slice(0, start) + text.slice(end + 1));
    await waitFor(() => out.includes('wrote mapping.json'), 'a rerun that rewrites mapping.json');
    const mapping = JSON.parse(ws.read('mapping.json')) as { items: Record<string, { lanes: Record<string, { symbol: string }[]> }> };
    expect(mapping.items['event:response.output_text.done']!.lanes.outbound ?? []).not.toContainEqual(
      expect.objectContaining({ symbol: 'build_text_done' }),
    );
  } finally {
    child.kill();
  }
}, 120_000);
