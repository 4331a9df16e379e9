/**
 * `check` and `sync` in a real git repository (issue "Must hold"): every edit a user makes either
 * fails the check naming the item, lane and file, or passes it, and `sync` brings it back to clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEventToPage, makeTempWorkspace, type TempWorkspace } from '../helpers/temp-workspace.js';

let ws: TempWorkspace;

function restore(): void {
  ws.git('checkout', '--', '.');
  ws.git('clean', '-fdq', '-e', '.specmap');
}

beforeAll(async () => {
  ws = makeTempWorkspace();
  const sync = await ws.run('sync');
  expect(sync.code, sync.stderr).toBe(0);
  ws.git('add', '-A');
  ws.git('commit', '-qm', 'baseline');
}, 300_000);

afterAll(() => ws?.cleanup());

describe('check on a synced workspace', () => {
  it('is clean, and clean again from the warm memo', async () => {
    const first = await ws.run('check', '--no-cache');
    expect(first.stdout).toContain('clean');
    expect(first.code).toBe(0);
    await ws.run('check');
    const warm = await ws.run('check', '--format', 'json');
    expect(JSON.parse(warm.stdout)).toMatchObject({ clean: true, findings: [] });
    expect(warm.code).toBe(0);
  });

  it('fails naming the items when a docs page renames a field and adds an event, and sync makes it pass', async () => {
    const page = 'docs/DOC_streaming_events.md';
    let text = ws.read(page);
    const at = text.indexOf('## response.in\\_progress');
    const head = text.slice(0, at).replace(/\nsequence\\_number\n(?![\s\S]*\nsequence\\_number\n)/, '\nsequence\\_no\n');
    text = head + text.slice(at);
    const extra = [
      '## response.example\\_signal.done',
      '',
      'Our own test event.',
      '',
      'sequence\\_number',
      '',
      'integer',
      '',
      'Its position.',
      '',
      'type',
      '',
      'string',
      '',
      'Always the event type.',
      '',
      '',
    ].join('\n');
    text = text.replace('## error\n', `${extra}## error\n`);
    ws.write(page, text);

    const check = await ws.run('check', '--format', 'json');
    expect(check.code).toBe(1);
    const findings = JSON.parse(check.stdout).findings as { kind: string; id?: string; message: string }[];
    const changed = findings.filter((f) => f.kind === 'source-changed');
    expect(changed.map((f) => f.id)).toContain('event:response.created');
    expect(changed.map((f) => f.id)).toContain('event:response.example_signal.done');
    expect(changed.find((f) => f.id === 'event:response.created')!.message).toMatch(/sequence_no|sequence_number/);

    expect((await ws.run('sync')).code).toBe(0);
    const after = await ws.run('check');
    expect(after.stdout).toContain('clean');
    expect(after.code).toBe(0);
    restore();
    expect((await ws.run('check')).code).toBe(0);
  });

  it('fails naming item, lane and file when an emitter is deleted, and passes once restored', async () => {
    const file = 'examples/workspace/backend/app/stream.py';
    const text = ws.read(file);
    const start = text.indexOf('def build_text_done');
    const end = text.indexOf('\ndef ', start + 1);
    expect(start).toBeGreaterThan(0);
    ws.write(file, text.slice(0, start) + text.slice(end + 1));

    const check = await ws.run('check', '--format', 'json');
    expect(check.code).toBe(1);
    const lost = (JSON.parse(check.stdout).findings as { kind: string; id?: string; lane?: string; file?: string }[]).filter(
      (f) => f.kind === 'mapping-location-lost',
    );
    expect(lost).toContainEqual(expect.objectContaining({ id: 'event:response.output_text.done', lane: 'outbound', file: file }));
    const pretty = await ws.run('check');
    expect(pretty.stdout).toContain('event:response.output_text.done [outbound]');
    expect(pretty.stdout).toContain('stream.py');

    restore();
    expect((await ws.run('check')).code).toBe(0);
  });

  it('passes when blank lines are inserted above mapped code (a line shift is not drift)', async () => {
    const file = 'examples/workspace/backend/app/events.py';
    ws.write(file, '\n\n\n' + ws.read(file));
    const check = await ws.run('check');
    expect(check.stdout).toContain('clean');
    expect(check.code).toBe(0);
    restore();
  });

  it('fails with a diff when a generated file is edited by hand', async () => {
    const file = 'generated/types.ts';
    ws.write(file, ws.read(file) + '\nexport const handEdit = 1;\n');
    const check = await ws.run('check');
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('generated-stale');
    expect(check.stdout).toContain('+export const handEdit = 1;'.replace('+', '-'));
    expect(check.stdout).toContain('specmap sync');
    restore();
  });

  it('a manual note edited in mapping.json is no mapping drift; the tracker rendered from it is stale until sync, which keeps the note', async () => {
    const mapping = JSON.parse(ws.read('mapping.json'));
    mapping.items['event:response.created'].manual = {
      ...(mapping.items['event:response.created'].manual ?? {}),
      notes: 'checked by hand on a Tuesday',
    };
    ws.write('mapping.json', JSON.stringify(mapping, null, 2) + '\n');
    const check = await ws.run('check', '--format', 'json');
    const findings = JSON.parse(check.stdout).findings as { kind: string; file?: string }[];
    expect(findings.map((f) => [f.kind, f.file])).toEqual([['generated-stale', 'generated/tracker.md']]);
    expect((await ws.run('sync')).code).toBe(0);
    expect(JSON.parse(ws.read('mapping.json')).items['event:response.created'].manual.notes).toBe('checked by hand on a Tuesday');
    expect(ws.read('generated/tracker.md')).toContain('checked by hand on a Tuesday');
    expect((await ws.run('check')).code).toBe(0);
    restore();
  });

  it('places a changed page at its file when the config names the pages by a glob', async () => {
    const config = JSON.parse(ws.read('specmap.config.json')) as { sources: { path: string }[] };
    config.sources = [{ path: 'docs/DOC_*.md' }, ...config.sources.filter((s) => !s.path.startsWith('docs/'))];
    ws.write('specmap.config.json', JSON.stringify(config, null, 2));
    expect((await ws.run('sync')).code).toBe(0);
    const page = addEventToPage(ws);
    const check = await ws.run('check', '--no-cache', '--format', 'json');
    expect(check.stdout, check.stderr).not.toBe('');
    const problems = JSON.parse(check.stdout).problems as { code: string; location?: { file: string } }[];
    const changed = problems.filter((p) => p.code === 'source-changed').map((p) => p.location?.file);
    expect(changed.length).toBeGreaterThan(0);
    expect(new Set(changed)).toEqual(new Set([page]));
    restore();
  });

  // The files a hook passes are relative to its working directory: the run's `cwd` here.
  it('runs only the parts the given files can affect', async () => {
    const file = 'examples/workspace/backend/app/events.py';
    const result = await ws.run('check', '--no-cache', '--format', 'json', file);
    expect(JSON.parse(result.stdout)).toMatchObject({ ran: ['generated', 'mapping'], skipped: ['sources'] });
    const none = await ws.run('check', '--no-cache', '--format', 'json', 'specmap.config.json');
    expect(JSON.parse(none.stdout).ran).toEqual(['sources', 'generated', 'mapping']);
  });
});
