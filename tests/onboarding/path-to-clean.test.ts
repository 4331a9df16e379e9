/**
 * The newcomer's path through the CLI (its program, run in-process; pack.e2e runs the installed
 * binary): `init --yes → sync → check` is clean in each kind of repository; a broken emitter is
 * exit 1 naming item, lane and file, with a fix that restores the code first; each friction point
 * a first user met has its own case.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BREAK, scratchRepos, type RepoKind } from './repos.js';
import { CLI, specmapInProcess } from './run.js';

const repo = scratchRepos({ beforeAll, afterAll }, CLI);
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

describe.each<RepoKind>(['empty', 'python', 'ts'])('init → sync → check in the %s repository', (kind) => {
  it('is clean, and a broken emitter is exit 1 until it is restored', async () => {
    const dir = repo(kind);
    expect((await specmapInProcess(dir, 'init', '--yes')).code).toBe(0);
    const sync = await specmapInProcess(dir, 'sync');
    expect(sync.code).toBe(0);
    expect(sync.stdout).toContain('wrote mapping.json\n');
    expect(await specmapInProcess(dir, 'check')).toMatchObject({ code: 0, stdout: 'specmap check: clean (sources, generated, mapping)\n' });
    expect(await specmapInProcess(dir, 'check')).toMatchObject({
      code: 0,
      stdout: 'specmap check: clean (nothing changed since the last clean check)\n',
    });
    const broken = BREAK[kind];
    if (!broken) return;
    const original = read(dir, broken.file);
    expect(original).toContain(broken.from);
    writeFileSync(join(dir, broken.file), original.replace(broken.from, broken.to));
    const check = await specmapInProcess(dir, 'check');
    expect(check.code).toBe(1);
    const lost = check.stdout.split('\n').find((l) => l.includes('mapping-location-lost'));
    expect(lost).toContain(`${broken.id} [${broken.lane}]: emitter`);
    expect(lost).toContain(`is no longer found in ${broken.file} (lane ${broken.lane})`);
    expect(check.stdout).toMatch(
      new RegExp(
        `\\n    fix: restore the emitter at ${broken.file.replace(/[.]/g, '\\.')}:\\d+, or run \`specmap sync\` to accept the loss\\n`,
      ),
    );
    expect(check.stdout).toMatch(/; fix: restore the lost code named above, or run specmap sync to accept the changes\n$/);
    writeFileSync(join(dir, broken.file), original);
    expect(await specmapInProcess(dir, 'check')).toMatchObject({ code: 0 });
  });
});

describe('the friction points of a first run', () => {
  it('check before any sync says exactly that, once', async () => {
    const dir = repo('python');
    await specmapInProcess(dir, 'init', '--yes');
    const r = await specmapInProcess(dir, 'check');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      'error specmap sync has not run here yet: there is no spec/model.json and no mapping.json to check against [not-synced]\n\n1 error, 0 warnings; fix: specmap sync\n',
    );
  });

  it('map without lanes warns naming the config file, and sync then sees the mapping map wrote', async () => {
    const dir = repo('empty');
    writeFileSync(
      join(dir, 'other.json'),
      JSON.stringify({ sources: [{ path: 'docs/DOC_streaming_events.md' }], generate: { targets: ['tracker'] } }) + '\n',
    );
    const map = await specmapInProcess(dir, '--config', 'other.json', 'map');
    expect(map.code).toBe(0);
    expect(map.stderr).toContain(
      'other.json:1:1: warning Found no `lanes` in other.json, expected at least one: no code is mapped, so every item counts as missing [no-lanes]',
    );
    expect(existsSync(join(dir, 'mapping.json'))).toBe(true);
    const sync = await specmapInProcess(dir, '--config', 'other.json', 'sync');
    expect(sync.code).toBe(0);
    expect(sync.stderr).toContain('warning Found no `lanes` in other.json');
    expect(read(dir, 'reports/report.md')).not.toContain('No mapping.json');
    expect((await specmapInProcess(dir, '--config', 'other.json', 'check')).code).toBe(0);
  });

  it('messages name the file --config chose, not specmap.config.json', async () => {
    const dir = repo('empty');
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ sources: [{ path: 'docs/nope.md' }] }) + '\n');
    const r = await specmapInProcess(dir, '--config', 'other.json', 'extract');
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('specmap.config.json');
    expect(r.stderr).toContain('other.json');
    // A fix is a command: it must carry the same --config, or it would fix another project.
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ sources: [{ path: 'docs/DOC_streaming_events.md' }] }) + '\n');
    const check = await specmapInProcess(dir, '--config', 'other.json', 'check');
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/; fix: specmap --config other\.json sync\n$/);
  });

  it('a failed extract writes nothing, not even its config memo', async () => {
    const dir = repo('empty');
    writeFileSync(join(dir, 'specmap.config.json'), JSON.stringify({ sources: [{ path: 'docs/nope.md' }] }) + '\n');
    const r = await specmapInProcess(dir, 'extract');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nothing written');
    expect(existsSync(join(dir, '.specmap'))).toBe(false);
  });

  it('the tracker has a column per configured lane and the same status words as mapping.json', async () => {
    const dir = repo('python');
    await specmapInProcess(dir, 'init', '--yes');
    await specmapInProcess(dir, 'sync');
    const tracker = read(dir, 'generated/tracker.md');
    const header = tracker.split('\n').find((l) => l.startsWith('| Event type'));
    expect(header).toBe(
      '| Event type | Correlation keys | What the event represents | Used? | Mode | Inbound schema | Outbound schema | Test trace (golden) | Status | Notes |',
    );
    expect(tracker).toContain('Status: ✅ Implemented · 🟨 Partial · 🟥 Missing · ⬜ Planned · ⛔ Ignored');
    const mapping = JSON.parse(read(dir, 'mapping.json')) as { items: Record<string, { status: string }> };
    const row = (type: string) => tracker.split('\n').find((l) => l.startsWith(`| \`${type}\` |`))!;
    expect(mapping.items['event:response.created']!.status).toBe('implemented');
    expect(row('response.created')).toContain('| ✅ Implemented |');
    expect(mapping.items['event:response.completed']!.status).toBe('missing');
    expect(row('response.completed')).toContain('| 🟥 Missing |');
    expect(tracker).not.toContain('⬜ Planned |');
  });

  it('where warns when a file it shows changed after mapping.json was written', async () => {
    const dir = repo('python');
    await specmapInProcess(dir, 'init', '--yes');
    await specmapInProcess(dir, 'sync');
    expect((await specmapInProcess(dir, 'where', 'response.created')).stderr).toBe('');
    const later = new Date(Date.now() + 5_000);
    writeFileSync(join(dir, 'app/main.py'), '\n' + read(dir, 'app/main.py'));
    utimesSync(join(dir, 'app/main.py'), later, later);
    const r = await specmapInProcess(dir, 'where', 'response.created');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'warning: app/main.py changed after mapping.json was written: the lines above may be out of date; run `specmap sync` to refresh them\n',
    );
    expect(JSON.parse((await specmapInProcess(dir, '--json', 'where', 'response.created')).stdout).changedSinceMapping).toEqual([
      'app/main.py',
    ]);
  });

  it('where does not warn in a fresh checkout, where files are newer than mapping.json only by checkout order', async () => {
    const dir = repo('python');
    await specmapInProcess(dir, 'init', '--yes');
    await specmapInProcess(dir, 'sync');
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, stdio: 'ignore' });
    git('add', '-A');
    git('commit', '-q', '-m', 'synced');
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(dir, 'app/main.py'), later, later);
    expect((await specmapInProcess(dir, 'where', 'response.created')).stderr).toBe('');
    writeFileSync(join(dir, 'app/main.py'), '\n' + read(dir, 'app/main.py'));
    utimesSync(join(dir, 'app/main.py'), later, later);
    expect((await specmapInProcess(dir, 'where', 'response.created')).stderr).toContain(
      'warning: app/main.py changed after mapping.json was written',
    );
  });
});
