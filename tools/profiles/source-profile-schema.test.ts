import { describe, expect, it } from 'vitest';
import { listBundled, readBundledJson } from './bundled-dir.js';
import { detectSourceProfile } from './source-profile.js';
import { SourceProfileSchema } from './source-profile-schema.js';

describe('the bundled source profiles', () => {
  it.each(listBundled())('%s is valid and written out in full, so it is read without validation', (name) => {
    const json = readBundledJson(`${name}.json`);
    // toStrictEqual: a default the schema would fill in (a missing `paths` or `sourceKinds`) fails here.
    expect(SourceProfileSchema.parse(json)).toStrictEqual(json);
  });

  it('are what detection uses', () => {
    const openai = readBundledJson('openai.json') as { detect: { schemas: string[] } };
    expect(detectSourceProfile(new Set(openai.detect.schemas))?.name).toBe('openai');
    expect(detectSourceProfile(new Set(['SomethingElse']))).toBeUndefined();
  });
});
