/**
 * Catalog sources: user-authored event lists (markdown table or YAML) read as items of a group.
 * The group survives enrichment as the events' category; the stated correlation keys stay.
 */
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../tools/config/schema.js';
import { buildModel } from '../../tools/sources/load.js';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('./fixtures/', import.meta.url));
const build = (sources: Record<string, unknown>[]) => buildModel(ConfigSchema.parse({ sources }), HERE, { cacheDir: false });

describe('catalog sources', () => {
  it('a markdown table: events of the configured group, anchored at their rows, keys as written', async () => {
    const { model, diagnostics } = await build([{ path: 'robot-events.md', group: 'agents' }]);
    expect(diagnostics.items).toEqual([]);
    expect(model.events.map((e) => [e.id, e.category, e.anchors[0], e.correlationKeys])).toEqual([
      ['event:robot_assembled', 'agents', 'robot-events.md:7', ['robot.serial']],
      ['event:arm_calibrated', 'agents', 'robot-events.md:8', ['robot.serial', 'arm_index']],
      ['event:shift_ended', 'agents', 'robot-events.md:9', []],
    ]);
    expect(model.events[0]!.description).toBe('A robot came off the assembly bench.');
    expect(model.sources[0]!.kind).toBe('catalog');
  });

  it('a YAML list: its own `group:` applies when the config names none; the config group wins', async () => {
    const own = await build([{ path: 'robot-events.yaml', kind: 'catalog' }]);
    expect(own.diagnostics.items).toEqual([]);
    expect(own.model.events.map((e) => [e.type, e.category, e.anchors[0]])).toEqual([
      ['battery_swapped', 'workshop', 'robot-events.yaml:4'],
      ['paint_dried', 'workshop', 'robot-events.yaml:7'],
    ]);
    const configured = await build([{ path: 'robot-events.yaml', group: 'agents' }]);
    expect(configured.model.events.map((e) => e.category)).toEqual(['agents', 'agents']);
  });

  it('beside another catalog with the same ids: duplicate-id errors', async () => {
    const { diagnostics } = await build([
      { path: 'robot-events.md', group: 'agents' },
      { path: 'duplicate.md', group: 'agents' },
    ]);
    expect(diagnostics.sorted().map((d) => `${d.file}:${d.line} ${d.code}`)).toEqual([
      'duplicate.md:3 duplicate-id',
      'duplicate.md:4 duplicate-id',
    ]);
  });
});
