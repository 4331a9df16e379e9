/**
 * The fast schema predicate (tools/verify/schema-accept.ts) against Zod on every event of the trace
 * library, in every object mode: the same answer each time, so check 2 reports exactly what Zod says
 * while Zod only runs for the events it rejects.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { Model } from '../../tools/model/schema.js';
import { loadRootModel } from '../helpers/root-model.js';
import { loadEventSchemas } from '../../tools/verify/event-schemas.js';
import { getAccept } from '../../tools/verify/schema-accept.js';

const root = resolve(import.meta.dirname, '../..');
const traces = join(root, 'tests/traces');
let model: Model;

beforeAll(async () => {
  model = await loadRootModel();
});

/** Every payload in the library that parses to an object with a `type` (SSE `data:` lines, JSON lines). */
function libraryPayloads(): { where: string; payload: { type: string } }[] {
  const out: { where: string; payload: { type: string } }[] = [];
  for (const dir of readdirSync(traces, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const file of readdirSync(join(traces, dir.name)).filter((f) => !f.endsWith('.json'))) {
      readFileSync(join(traces, dir.name, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          try {
            const payload: unknown = JSON.parse(line.startsWith('data:') ? line.slice(5) : line);
            if (payload && typeof payload === 'object' && typeof (payload as { type?: unknown }).type === 'string')
              out.push({ where: `${dir.name}/${file}:${i + 1}`, payload: payload as { type: string } });
          } catch {
            // not an event line
          }
        });
    }
  }
  return out;
}

it.each(['passthrough', 'strict', 'strip'] as const)('answers like Zod on every library event (%s objects)', async (objects) => {
  const { schemas } = await loadEventSchemas(model, objects);
  const payloads = libraryPayloads();
  expect(payloads.length).toBeGreaterThan(100);
  const differ = payloads.flatMap(({ where, payload }) => {
    const schema = schemas.get(payload.type);
    return schema && getAccept(schema)(payload) !== schema.safeParse(payload).success ? [where] : [];
  });
  expect(differ).toEqual([]);
});
