/**
 * Declared fields through the whole analyzer on a small two-language fixture (tests/analyzer/fixtures/fields):
 * inheritance within a file, across files through the workspace's own classes, and none claimed
 * where a base comes from a package.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeWorkspace } from '../../../tools/analyzer/index.js';
import { fixtureModel } from '../fixture-model.js';
import { showDefinition } from './adapter-case.js';

const ROOT = join(import.meta.dirname, '../fixtures/fields');
const LANES = [
  { name: 'py', include: ['server/**/*.py'], exclude: [], language: 'python' as const },
  { name: 'web', include: ['web/**/*.mts'], exclude: [], language: 'typescript' as const },
];

describe('declared fields on the fields fixture', () => {
  it('carries complete field lists, and none where a base is unknown', async () => {
    const { facts } = await analyzeWorkspace({ root: ROOT, lanes: LANES, model: fixtureModel });
    expect(facts.filter((f) => f.kind === 'definition').map((f) => `${f.file} ${showDefinition(f)}`)).toEqual([
      'server/base.py ResponseCreated response.created [sequence_number, type, response]',
      // The SDK class imported by name: a definition by import, whose fields only the SDK knows.
      'server/custom.py ResponseFailedEvent response.failed (fields unknown)',
      'server/custom.py TracedCreated response.created [sequence_number, type, response, trace_id]',
      'server/custom.py MyFailed response.failed (fields unknown)',
      'server/custom.py TextDone response.output_text.done (fields unknown)',
      'web/events.mts TextDone response.output_text.done [sequence_number, type, text]',
      // Through the TypeScript interface of that name, not the Python class.
      'web/events.mts LoudCreated response.created [type, sequence_number, response, volume]',
      'web/types.mts ResponseCreated response.created [type, sequence_number, response]',
    ]);
  });
});
