/** `whereCommand` through the programmatic API, on the repository's committed mapping.json: data, no printing. */
import { describe, expect, it, vi } from 'vitest';
import { whereCommand } from '../../tools/index.js';
import { REPO } from '../helpers/temp-workspace.js';

describe('whereCommand', () => {
  it('answers an event type with its locations and evidence, and prints nothing', async () => {
    const write = vi.spyOn(process.stdout, 'write');
    const r = await whereCommand('response.completed', { cwd: REPO });
    expect(write).not.toHaveBeenCalled();
    write.mockRestore();
    expect(r.found).toBe(true);
    expect(r.result.matches.map((m) => m.id)).toEqual(['event:response.completed']);
    const inbound = r.result.matches[0]!.entry.lanes.inbound!;
    expect(inbound.map((l) => [l.file, l.evidence])).toEqual([['examples/workspace/backend/app/events.py', 'Literal type field']]);
    expect(r.lanes.map((l) => l.name)).toContain('golden');
  });

  it('finds nothing for a name of Object.prototype or an unknown type, without throwing', async () => {
    for (const q of ['constructor', '__proto__', 'response.nope']) {
      const r = await whereCommand(q, { cwd: REPO });
      expect(r.found).toBe(false);
      expect(r.result.matches).toEqual([]);
    }
  });

  it('answers an unknown literal the code has', async () => {
    const r = await whereCommand('response.tool_call.delta', { cwd: REPO });
    expect(r.found).toBe(true);
    expect(r.result.unknown?.locations.length).toBeGreaterThan(0);
  });
});
