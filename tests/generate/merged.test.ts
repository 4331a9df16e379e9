/**
 * generate on the merged model: the three docs pages + openai-openapi-2026-08-21.yaml (the OpenAPI
 * reader gives full nested structure and named shapes that `ref`s point to).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { z } from 'zod';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../tools/generate/generate.js';
import { buildRuntimeSchemas, type RuntimeSchemas } from '../../tools/generate/zod/runtime-schemas.js';
import type { OutputFile } from '../../tools/io/write-plan.js';
import type { Model } from '../../tools/model/schema.js';
import { buildModel } from '../../tools/sources/load.js';
import { REPO, corpusConfig, pydanticVersion, python, python3Path, removeTempDirs, tempDir, typecheck, writeFiles } from './helpers.js';

const config = corpusConfig({}, true);

/**
 * Docs examples that the 2026-08-21 OpenAPI schema rejects, by anchor. The docs page is an older
 * scrape: its examples show `null` where the spec declares a non-nullable type, leave out fields
 * the spec now requires, or show item shapes the spec's unions no longer list.
 */
const EXAMPLE_DEFECTS: Record<string, string> = {
  'DOC_streaming_events.md:330-367': 'response.created: response.user and response.usage are null; the spec types them non-nullable',
  'DOC_streaming_events.md:395-432': 'response.in_progress: same null user/usage',
  'DOC_streaming_events.md:460-514':
    'response.completed: null user, an output item no union variant matches, usage details and parallel_tool_calls missing',
  'DOC_streaming_events.md:542-577': 'response.failed: null user/usage, parallel_tool_calls and sequence_number missing',
  'DOC_streaming_events.md:605-640':
    'response.incomplete: null user/usage, an incomplete reason outside the spec enum, parallel_tool_calls missing',
  'DOC_streaming_events.md:721-740': 'response.output_item.done: the item matches no variant (no logprobs on its text part)',
  'DOC_streaming_events.md:786-799': 'response.content_part.added: the part has no logprobs, which the spec requires',
  'DOC_streaming_events.md:845-858': 'response.content_part.done: same',
  'DOC_streaming_events.md:910-919': 'response.output_text.delta: logprobs missing, the spec requires it',
  'DOC_streaming_events.md:971-980': 'response.output_text.done: same',
  'DOC_streaming_events.md:2511-2526': 'response.output_text.annotation.added: the annotation matches no variant of the spec union',
  'DOC_streaming_events.md:2554-2565': 'response.queued: an abbreviated response object (string created_at, most required fields absent)',
  'DOC_streaming_events.md:2603-2610': 'response.custom_tool_call_input.delta: sequence_number missing',
  'DOC_streaming_events.md:2648-2655': 'response.custom_tool_call_input.done: same',
};
let model: Model;
let files: OutputFile[];
let dir: string;
let rt: RuntimeSchemas;

beforeAll(async () => {
  model = (await buildModel(config, REPO)).model;
  files = generate(model, config);
  dir = tempDir('gen-merged');
  writeFiles(dir, files);
  rt = buildRuntimeSchemas(model, { objects: config.generate.zodObjects });
});

afterAll(removeTempDirs);

describe('generate on docs + OpenAPI 2026-08-21', () => {
  it('has the OpenAPI events and named shapes', () => {
    expect(model.events.length).toBeGreaterThan(49);
    expect(Object.keys(model.schemas).length).toBeGreaterThan(100);
    expect(rt.plan.unresolvedRefs).toEqual([]);
  });

  it('compiles under tsc --strict --noEmit', () => {
    expect(typecheck([join(dir, 'generated/types.ts'), join(dir, 'generated/handlers/dispatch.ts')])).toEqual([]);
  });

  it('every example validates with Zod, or is a named doc defect', () => {
    const failing = model.events
      .filter((e) => e.example && !rt.events.get(e.type)!.safeParse(e.example.value).success)
      .map((e) => e.example!.anchor);
    expect(failing.sort()).toEqual(Object.keys(EXAMPLE_DEFECTS).sort());
  });

  it("the emitted Zod source gives the runtime schemas' verdict on every example", async () => {
    const emitted = (await import(pathToFileURL(join(dir, 'generated/schemas.ts')).href)) as { StreamEventSchema: z.ZodType };
    const disagree = model.events.filter(
      (e) => e.example && emitted.StreamEventSchema.safeParse(e.example.value).success !== rt.union.safeParse(e.example.value).success,
    );
    expect(disagree.map((e) => e.type)).toEqual([]);
  });

  it('JSON Schema (ajv 2020) and Zod give the same verdict on every example', () => {
    // One compile of the union: each event's file inlines the same big shapes, so 58 compiles take a minute.
    const schema = JSON.parse(files.find((f) => f.path === 'generated/json-schema/StreamEvent.schema.json')!.content) as object;
    const validate = new Ajv2020({ strict: false }).compile(schema);
    const disagree = model.events
      .filter((e) => e.example)
      .filter((e) => validate(e.example!.value) !== rt.union.safeParse(e.example!.value).success)
      .map((e) => e.type);
    expect(disagree).toEqual([]);
  });

  it('Python compiles and the examples validate against the Pydantic models (but the named defects)', (ctx) => {
    const pyDir = join(dir, 'generated/python');
    expect(python(['-m', 'py_compile', 'models.py', 'builders.py'], pyDir).status).toBe(0);
    if (!pydanticVersion()) ctx.skip('python3 cannot import pydantic');
    const examples = model.events.filter((e) => e.example).map((e) => [e.example!.anchor, e.example!.value]);
    const script =
      'import json, sys, models\nbad = []\nfor anchor, v in json.load(sys.stdin):\n    try:\n        models.parse_event(v)\n    except Exception:\n        bad.append(anchor)\nprint(json.dumps(bad))';
    // Pydantic 2 (python3 on PATH) and, where installed, Debian's Pydantic 1.10 (/usr/bin/python3).
    for (const exe of [python3Path(), '/usr/bin/python3']) {
      const r = python(['-c', script], pyDir, JSON.stringify(examples), exe);
      if (exe === '/usr/bin/python3' && (r.error || r.stderr.includes("No module named 'pydantic'"))) continue;
      expect(r.stderr, exe).toBe('');
      const bad = JSON.parse(r.stdout) as string[];
      // Pydantic is laxer than Zod here (optional fields accept None), so a subset of the Zod list.
      expect(
        bad.filter((a) => !(a in EXAMPLE_DEFECTS)),
        exe,
      ).toEqual([]);
    }
  });
});
