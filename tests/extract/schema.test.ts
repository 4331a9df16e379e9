/**
 * The published JSON Schemas: model.json validates against schema/model.schema.json (ajv, draft
 * 2020-12), and both schema files are what `tools/schema/emit.ts` derives from the Zod schemas
 * (when this fails, run `npm run schemas`).
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { modelText } from '../../tools/commands/extract.js';
import { ConfigSchema } from '../../tools/config/schema.js';
import { ModelSchema } from '../../tools/model/schema.js';
import { schemaFiles } from '../../tools/schema/emit.js';
import { buildModel } from '../../tools/sources/load.js';
import { PAGES, REPO } from './helpers.js';

// The mutations below break a model on purpose, so they step outside its type.
// biome-ignore lint/suspicious/noExplicitAny: a deliberately malformed model has no type to name
type Loose = any;
const readJson = (path: string): unknown => JSON.parse(readFileSync(REPO + path, 'utf8'));

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(readJson('schema/model.schema.json') as object);

let fresh: unknown;
beforeAll(async () => {
  const config = ConfigSchema.parse({ sources: PAGES.map((p) => ({ path: `../shared/reference/openai-docs/${p}` })) });
  fresh = JSON.parse(modelText((await buildModel(config, REPO)).model));
});

describe('model.schema.json', () => {
  it('a freshly extracted model validates (ajv 2020) and parses with the Zod schema', () => {
    expect(validate(fresh), ajv.errorsText(validate.errors)).toBe(true);
    expect(ModelSchema.safeParse(fresh).success).toBe(true);
  });

  it.each([
    [
      'a bad anchor',
      (m: Loose) => {
        m.events[0].anchors = ['no-line-here'];
      },
    ],
    [
      'an unknown key',
      (m: Loose) => {
        m.events[0].colour = 'blue';
      },
    ],
    [
      'a wrong model version',
      (m: Loose) => {
        m.modelVersion = 99;
      },
    ],
    [
      'a missing field property',
      (m: Loose) => {
        delete m.params[0].field.collapsed;
      },
    ],
  ])('rejects %s', (_name, mutate) => {
    const broken = structuredClone(fresh);
    mutate(broken);
    expect(validate(broken)).toBe(false);
  });
});

describe('schema files', () => {
  it.each(schemaFiles().map((f) => [f.path, f.content] as const))('%s is up to date (else: npm run schemas)', (path, content) => {
    expect(readFileSync(REPO + path, 'utf8')).toBe(content);
  });

  it('the root config validates against config.schema.json', () => {
    const validateConfig = ajv.compile(readJson('schema/config.schema.json') as object);
    expect(validateConfig(readJson('specmap.config.json')), ajv.errorsText(validateConfig.errors)).toBe(true);
    expect(validateConfig({ sources: [{ path: 'a.md' }], colour: 'blue' })).toBe(false);
  });
});
