// End to end: `specmap map | where | import` (the CLI's program, in-process) on a copy of the example workspace.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type RunResult, runInProcess } from '../helpers/run-in-process.js';

const REPO = resolve(__dirname, '../..');
const LEGACY = resolve(REPO, '../shared/reference/legacy-mapping/SPEC_TO_CODE_MAPPING.json');

function workspace(): { dir: string; run: (...args: string[]) => Promise<RunResult> } {
  const dir = mkdtempSync(join(tmpdir(), 'specmap-map-'));
  cpSync(join(REPO, 'examples'), join(dir, 'examples'), { recursive: true });
  const config = JSON.parse(readFileSync(join(REPO, 'specmap.config.json'), 'utf8')) as Record<string, unknown> & {
    sources: { path: string }[];
  };
  for (const s of config.sources) s.path = resolve(REPO, s.path);
  delete config.$schema;
  writeFileSync(join(dir, 'specmap.config.json'), JSON.stringify(config, null, 2));
  return { dir, run: (...args) => runInProcess(dir, args) };
}

describe('specmap map / where / import', () => {
  const ws = workspace();
  let first: RunResult;
  beforeAll(async () => {
    first = await ws.run('map');
  });

  it('map writes mapping.json, then finds nothing to change', async () => {
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('wrote mapping.json: 165 items: 24 implemented, 17 partial, 124 missing; 1 unknown literal, 0 orphans\n');
    const again = await ws.run('map');
    expect(again.stdout).toMatch(/^unchanged mapping\.json: /);
  });

  it('where prints every location per lane with the anchor', async () => {
    const r = await ws.run('where', 'response.completed');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'event:response.completed  DOC_streaming_events.md:434-514  implemented',
        '  inbound — Inbound schema (Pydantic)',
        '    examples/workspace/backend/app/events.py:25  ResponseCompletedEvent  (definition; Literal type field; high confidence)',
        '  outbound — Outbound emitter (Python)',
        '    examples/workspace/backend/app/stream.py:48  build_completed  (emitter; constructor call of ResponseCompletedEvent; medium confidence)',
        '  frontend — Frontend type (TS/Zod)',
        '    examples/workspace/web/src/events/schemas.ts:14  ResponseCompleted  (definition; z.literal type; high confidence)',
        '  handler — Reducer / handler',
        '    examples/workspace/web/src/state/reducer.ts:23  reduce  (handler; case label; high confidence)',
        '  golden — Test trace (golden)',
        '    examples/workspace/traces/text-reply.sse:16  text-reply.sse  (test; recorded trace: event line; high confidence)',
        '    examples/workspace/traces/tool-call.jsonl:7  tool-call.jsonl  (test; recorded trace: event payload; high confidence)',
        '',
      ].join('\n'),
    );
  });

  it('where --json answers ids, unknown literals, and exits 1 for nothing', async () => {
    const r = await ws.run('--json', 'where', 'param:POST /v1/responses#top_p');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { matches: { id: string; status: string; lanes: Record<string, unknown[]> }[] };
    expect(json.matches.map((m) => [m.id, m.status, Object.keys(m.lanes)])).toEqual([
      ['param:POST /v1/responses#top_p', 'partial', ['server']],
    ]);
    const unknown = JSON.parse((await ws.run('--json', 'where', 'response.tool_call.delta')).stdout) as {
      unknown: { locations: unknown[] };
    };
    expect(unknown.unknown.locations).toHaveLength(3);
    const none = await ws.run('where', 'response.nope');
    expect(none.code).toBe(1);
    expect(none.stdout).toBe('');
  });

  it('import places every field of the real legacy mapping, keeps the unknown event, reports contradicted claims', async () => {
    const r = await ws.run('import', LEGACY);
    expect(r.code).toBe(0);
    const m = /^read (\d+) fields from .*, placed (\d+): 72 entries on spec items, 5 kept as orphans/.exec(r.stdout);
    expect(m).not.toBeNull();
    expect(m![1]).toBe(m![2]);
    expect(r.stdout).toMatch(/event:response\.queued: marked implemented, but no location was found in any lane/);
    const mapping = JSON.parse(readFileSync(join(ws.dir, 'mapping.json'), 'utf8')) as {
      orphans: Record<string, { manual: Record<string, unknown> }>;
    };
    expect(mapping.orphans['event:response.tool_call.delta']!.manual.complianceScore).toBe(0);
    // A second map keeps every imported word.
    const before = readFileSync(join(ws.dir, 'mapping.json'), 'utf8');
    const remap = await ws.run('map');
    expect(remap.stdout + '|' + remap.code).toMatch(/^unchanged/);
    expect(readFileSync(join(ws.dir, 'mapping.json'), 'utf8')).toBe(before);
  });

  it('refuses a mapping.json it cannot read (exit 2, file untouched)', async () => {
    const bad = workspace();
    writeFileSync(join(bad.dir, 'mapping.json'), '{ "items": { "event:x": { "manual": { "notes": "mine" ');
    const r = await bad.run('map');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/mapping\.json:1:\d+: error Unexpected text in mapping\.json/);
    expect(readFileSync(join(bad.dir, 'mapping.json'), 'utf8')).toBe('{ "items": { "event:x": { "manual": { "notes": "mine" ');
  });

  it('maps the rest of the workspace when a file does not parse, with a warning at its position', async () => {
    const broken = workspace();
    writeFileSync(
      join(broken.dir, 'examples/workspace/backend/app/broken.py'),
      'class Broken(BaseModel:\n    type: Literal["response.queued"]\n',
    );
    const r = await broken.run('map');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/examples\/workspace\/backend\/app\/broken\.py:\d+:\d+: warning /);
    expect(r.stdout).toMatch(/^wrote mapping\.json: 165 items: 24 implemented/);
  });

  it('a broken config is exit 2', async () => {
    const cfg = workspace();
    writeFileSync(join(cfg.dir, 'specmap.config.json'), JSON.stringify({ sources: [{ path: 'x.md' }], lanes: [{ name: 'Bad Name' }] }));
    expect((await cfg.run('map')).code).toBe(2);
  });
});
