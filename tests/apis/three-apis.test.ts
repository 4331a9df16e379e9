/**
 * Integration: the 2026-08-21 OpenAI document read as three APIs (Responses, Realtime, Chat
 * Completions) from the bundled profile. Each API's events equal what an independent js-yaml oracle
 * finds, no id collides although Responses and Realtime share event names, and the Responses part
 * equals what the one-API read gives today, ids aside.
 */
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../tools/diagnostics/diagnostic.js';
import { extractOpenApi } from '../../tools/sources/openapi/read.js';
import { readSpec, REFERENCE, SPECS } from '../openapi/helpers.js';
import { loadYaml, oracleApis } from './oracle.js';

const { text, source } = readSpec(SPECS['2026-08-21']);
const bag = new DiagnosticBag();
const three = extractOpenApi(text, source, bag, { apis: ['responses', 'realtime', 'chat'] });
const one = extractOpenApi(text, source, new DiagnosticBag());
const oracle = oracleApis(loadYaml(REFERENCE + SPECS['2026-08-21']), [
  { name: 'responses', prefixes: ['/responses', '/conversations'], named: ['ResponseStreamEvent'] },
  { name: 'realtime', prefixes: ['/realtime'], named: ['RealtimeServerEvent', 'RealtimeClientEvent'] },
  { name: 'chat', prefixes: ['/chat/completions'], named: ['CreateChatCompletionStreamResponse'], discriminator: 'object' },
]);
const typesOf = (api: string) => new Set(three.events.filter((e) => e.api === api).map((e) => e.type));
/** An item as the one-API read gives it: no `api`, and an event id without the API. */
const asOne = <T extends { api?: string; id: string; kind?: string }>(item: T) => {
  const { api: _api, ...rest } = item;
  return rest.kind === 'event' ? { ...rest, id: rest.id.replace(/^event:[a-z-]+\//, 'event:') } : rest;
};

describe('three APIs of openai-openapi-2026-08-21.yaml', () => {
  it('reads without diagnostics', () => {
    expect(bag.items).toEqual([]);
  });

  it.each([
    ['responses', 58],
    ['realtime', 57],
    ['chat', 1],
  ])('%s: the events the oracle finds (%i)', (api, count) => {
    const want = oracle.get(api)!.events;
    expect(want.size).toBe(count);
    expect([...typesOf(api)].sort()).toEqual([...want].sort());
  });

  it('every event id carries its API, and no id collides', () => {
    expect(three.events.every((e) => e.id === `event:${e.api}/${e.type}`)).toBe(true);
    const ids = [...three.events, ...three.endpoints, ...three.params, ...three.enums, ...three.objects].map((i) => i.id);
    expect(ids.length - new Set(ids).size).toBe(0);
    // The shared names that made ids collide when they were global.
    expect(
      three.events
        .filter((e) => e.type === 'error')
        .map((e) => e.id)
        .sort(),
    ).toEqual(['event:realtime/error', 'event:responses/error']);
  });

  it('endpoints belong to the API whose paths take them, as the oracle says', () => {
    for (const api of ['responses', 'realtime', 'chat']) {
      const got = three.endpoints.filter((e) => e.api === api).map((e) => `${e.method} ${e.path.replace(/^\/v1/, '')}`);
      expect(got.sort()).toEqual([...oracle.get(api)!.operations].sort());
    }
    expect(three.params.every((p) => p.api === three.endpoints.find((e) => e.id === p.endpoint)!.api)).toBe(true);
  });

  it('the Responses part equals the one-API read, ids aside', () => {
    const pick = <T extends { api?: string; id: string; kind?: string }>(list: T[]) => list.filter((i) => i.api === 'responses').map(asOne);
    expect(pick(three.events)).toEqual(one.events);
    expect(pick(three.endpoints)).toEqual(one.endpoints);
    expect(pick(three.params)).toEqual(one.params);
    expect(pick(three.enums)).toEqual(one.enums);
    expect(pick(three.objects)).toEqual(one.objects);
  });
});
