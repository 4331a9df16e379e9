/**
 * A file is parsed for what its lanes count. Lanes of the stream's kinds alone (definitions,
 * emitters, handlers, tests) never need a file that only names the API's request parameters, paths
 * or routes; lanes of routes and parameters do. A plain type of the stream (`'error'`) beside a
 * route still picks its file for the stream's lanes: the route is what makes that file the stream's.
 * Which files were passed over is remembered per lane setup, so a lane that starts counting routes
 * looks at them again.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeWorkspace } from '../../tools/analyzer/index.js';
import type { LaneConfig } from '../../tools/config/schema.js';
import { plainField } from '../../tools/model/field.js';
import { fixtureModel, PATTERNS } from './fixture-model.js';

// The fixture's events as one source's dotted family, with the stream's envelope.
const model = {
  ...fixtureModel,
  events: fixtureModel.events.map((e) => ({
    ...e,
    sources: ['events.md'],
    fields: [plainField('type', { required: true }), plainField('sequence_number', { required: true })],
  })),
};

const root = mkdtempSync(join(tmpdir(), 'specmap-lane-kinds-'));
mkdirSync(join(root, 'src'));
// Only the request's parameter names: what a lane of parameters looks for.
writeFileSync(join(root, 'src/chat.ts'), 'export const body = { model: "m", previous_response_id: id, max_output_tokens: 5 };\n');
writeFileSync(join(root, 'src/events.ts'), "export const isCreated = (e: { type: string }) => e.type === 'response.created';\n");
writeFileSync(
  join(root, 'src/server.ts'),
  "app.post('/v1/responses', (req, res) => {\n  res.write(JSON.stringify({ type: 'error', message: 'boom' }));\n});\n",
);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const lane = (kinds: LaneConfig['kinds']) => [
  { name: 'code', include: ['src/**/*.ts'], exclude: [], language: 'typescript' as const, kinds },
];
const run = (kinds: LaneConfig['kinds'], cacheDir?: string) =>
  analyzeWorkspace({ root, lanes: lane(kinds), model, unknownLiteralPatterns: PATTERNS, ...(cacheDir ? { cacheDir } : {}) });

describe('files parsed for what their lanes count', () => {
  it("passes over a file of the API's parameters alone when the lanes count only the stream's kinds", async () => {
    const { stats, facts } = await run(['handler', 'emitter']);
    expect(stats.parsed).toBe(2);
    expect(facts.some((f) => f.file === 'src/server.ts' && f.literal === 'error')).toBe(true);
    expect(facts.some((f) => f.file === 'src/events.ts' && f.literal === 'response.created')).toBe(true);
  });

  it('parses it when a lane counts parameters, and with no kinds said at all', async () => {
    expect((await run(['handler', 'emitter', 'param'])).stats.parsed).toBe(3);
    const all = await analyzeWorkspace({
      root,
      lanes: lane(['handler']).map(({ kinds: _, ...l }) => l),
      model,
      unknownLiteralPatterns: PATTERNS,
    });
    expect(all.stats.parsed).toBe(3);
  });

  it('looks at a passed-over file again, from the cache, once a lane counts what it holds', async () => {
    const cacheDir = join(root, '.cache');
    expect((await run(['handler', 'emitter'], cacheDir)).stats.parsed).toBe(2);
    const again = await run(['handler', 'emitter', 'route', 'param'], cacheDir);
    expect(again.stats).toMatchObject({ parsed: 1, cached: 2 });
  });
});
