/**
 * An in-memory store's collection named like an SDK resource is no SDK call: `this.responses.delete(id)`
 * on a class property given `new Map()`, or `responses.delete(id)` on a variable typed `Map<…>`,
 * is the Map's. The same call on a client (`this.client.responses.delete(id)`, `openai.responses…`)
 * is the endpoint's. A store's `conversations.update((all) => …)`, handed a function, is the store's.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeWorkspace } from '../../tools/analyzer/analyze-workspace.js';
import type { Model } from '../../tools/model/schema.js';
import { fixtureModel, LANES, PATTERNS } from './fixture-model.js';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

const model: Pick<Model, 'events' | 'endpoints' | 'params'> = {
  ...fixtureModel,
  endpoints: [
    ...fixtureModel.endpoints,
    {
      ...fixtureModel.endpoints[0]!,
      id: 'endpoint:DELETE /v1/responses/{response_id}',
      method: 'DELETE',
      path: '/v1/responses/{response_id}',
      sdkCalls: ['responses.delete'],
    },
    {
      ...fixtureModel.endpoints[0]!,
      id: 'endpoint:POST /v1/conversations/{conversation_id}',
      method: 'POST',
      path: '/v1/conversations/{conversation_id}',
      sdkCalls: ['conversations.update'],
    },
  ],
};

describe('collections named like SDK resources', () => {
  it("takes a Map's delete for the Map's and a client's for the endpoint's", async () => {
    const root = mkdtempSync(join(tmpdir(), 'specmap-store-'));
    roots.push(root);
    mkdirSync(join(root, 'web'));
    writeFileSync(
      join(root, 'web/store.mts'),
      [
        'export class Store {',
        '  private responses = new Map<string, unknown>();',
        '  constructor(private client: { responses: { delete(id: string): Promise<void> } }) {}',
        '  forget(id: string) {',
        '    this.responses.delete(id);',
        '  }',
        '  async remove(id: string) {',
        '    await this.client.responses.delete(id);',
        '  }',
        '}',
        'const cache: Record<string, unknown> = {};',
        'export function clear(openai: { responses: { delete(id: string): void } }, id: string) {',
        '  openai.responses.delete(id);',
        '  delete cache[id];',
        '}',
        '',
      ].join('\n'),
    );
    // A parameter typed as a Map, in a file of its own (names are looked up per file).
    writeFileSync(
      join(root, 'web/drop.mts'),
      [
        'export function drop(responses: Map<string, number>, id: string) {',
        '  return responses.delete(id);',
        '}',
        'export function dropAll(responses: { delete(id: string): void }, id: string) {',
        '  return responses.delete(id);',
        '}',
        "export const viaClient = (c: { responses: { delete(id: string): void } }) => c.responses.delete('x');",
        '',
      ].join('\n'),
    );
    // A store's `update`, handed a function: no SDK method is.
    writeFileSync(
      join(root, 'web/stores.mts'),
      [
        "import { writable } from 'svelte/store';",
        'export const conversations = writable<unknown[]>([]);',
        'export function rename(client: any, id: string) {',
        '  conversations.update((all) => all.map((c) => c));',
        '  return client.conversations.update(id);',
        '}',
        '',
      ].join('\n'),
    );
    const { facts } = await analyzeWorkspace({ root, lanes: LANES, model, unknownLiteralPatterns: PATTERNS });
    expect(facts.filter((f) => f.kind === 'route').map((f) => `${f.file}:${f.line} ${f.method} ${f.path} (${f.evidence})`)).toEqual([
      'web/drop.mts:5 DELETE /v1/responses/{response_id} (SDK call responses.delete())',
      'web/drop.mts:7 DELETE /v1/responses/{response_id} (SDK call responses.delete())',
      'web/store.mts:8 DELETE /v1/responses/{response_id} (SDK call responses.delete())',
      'web/store.mts:13 DELETE /v1/responses/{response_id} (SDK call responses.delete())',
      'web/stores.mts:5 POST /v1/conversations/{conversation_id} (SDK call conversations.update())',
    ]);
  });
});
