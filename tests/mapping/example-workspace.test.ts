// The mapping of examples/workspace (root config) against a hand-written table: every location found, none invented.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMapping } from '../../tools/commands/map.js';
import { mappingText } from '../../tools/mapping/render.js';
import type { Mapping } from '../../tools/mapping/schema.js';
import { EXPECTED, EXPECTED_AGENTS, EXPECTED_STATUS, EXPECTED_UNKNOWN } from './example-expected.js';

const root = resolve(__dirname, '../..');
const WS = 'examples/workspace/';

function table(mapping: Mapping): Record<string, Record<string, string[]>> {
  const out: Record<string, Record<string, string[]>> = {};
  for (const [id, entry] of Object.entries(mapping.items)) {
    for (const [lane, locations] of Object.entries(entry.lanes)) {
      out[id] ??= {};
      out[id][lane] = locations.map((l) => `${l.file.replace(WS, '')}:${l.line}`);
    }
  }
  return out;
}

let mapping: Mapping;
beforeAll(async () => {
  mapping = (await buildMapping({ config: join(root, 'specmap.config.json') })).mapping;
});

describe('examples/workspace', () => {
  it('finds every expected location and invents none', () => {
    const hasAgents = 'event:tool_called' in mapping.items;
    expect(table(mapping)).toEqual(hasAgents ? { ...EXPECTED, ...EXPECTED_AGENTS } : EXPECTED);
  });

  it.each(Object.entries(EXPECTED_STATUS))('%s is %s', (id, status) => {
    expect(mapping.items[id]?.status).toBe(status);
  });

  it('lists the private literal as unknown, with its locations', () => {
    expect(
      Object.fromEntries(mapping.unknownLiterals.map((u) => [u.literal, u.locations.map((l) => `${l.file.replace(WS, '')}:${l.line}`)])),
    ).toEqual(EXPECTED_UNKNOWN);
  });

  it('reports the request model against the spec', () => {
    expect(mapping.items['param:POST /v1/responses#top_p']!.gaps).toEqual([
      'CreateResponseRequest.top_p: found default `0.9`, expected `1`',
    ]);
    expect(mapping.items['param:POST /v1/responses#model']!.gaps).toEqual([
      'CreateResponseRequest.model: found required, expected optional',
    ]);
    expect(mapping.items['param:POST /v1/responses#include']!.gaps![0]).toMatch(
      /^CreateResponseRequest\.include: accepts 3 of 7 values, not /,
    );
  });

  it('is the committed mapping.json, byte for byte (manual blocks and the stale note kept)', () => {
    expect(mappingText(mapping)).toBe(readFileSync(join(root, 'mapping.json'), 'utf8'));
    expect(mapping.orphans['event:response.text.delta']?.origin).toBe('item no longer in the sources');
    expect(mapping.items['event:response.output_text.delta']!.manual).toMatchObject({ used: 'yes', mode: 'stream' });
  });
});

describe('a line shift', () => {
  it('changes only line fields', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'specmap-shift-'));
    cpSync(join(root, 'examples/workspace'), join(dir, 'examples/workspace'), { recursive: true });
    const config = JSON.parse(readFileSync(join(root, 'specmap.config.json'), 'utf8')) as {
      sources: { path: string }[];
      cacheDir?: string;
    };
    for (const s of config.sources) s.path = join(root, s.path);
    writeFileSync(join(dir, 'specmap.config.json'), JSON.stringify({ ...config, $schema: undefined, cacheDir: '.cache' }));
    writeFileSync(join(dir, 'mapping.json'), readFileSync(join(root, 'mapping.json')));
    const before = mappingText((await buildMapping({ config: join(dir, 'specmap.config.json') })).mapping);
    for (const file of ['backend/app/events.py', 'web/src/state/reducer.ts']) {
      const path = join(dir, 'examples/workspace', file);
      const header = file.endsWith('.py') ? '# moved down\n\n\n' : '// moved down\n\n\n';
      writeFileSync(path, header + readFileSync(path, 'utf8'));
    }
    const after = mappingText((await buildMapping({ config: join(dir, 'specmap.config.json') })).mapping);
    const a = before.split('\n');
    const b = after.split('\n');
    expect(b).toHaveLength(a.length);
    const changed = a.flatMap((line, i) => (line === b[i] ? [] : [[line, b[i]!]]));
    expect(changed.length).toBeGreaterThanOrEqual(17);
    for (const [x, y] of changed) {
      expect(x).toMatch(/^\s+"line": \d+,$/);
      expect(y).toMatch(/^\s+"line": \d+,$/);
    }
  });
});
