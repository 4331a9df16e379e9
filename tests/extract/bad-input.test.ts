/**
 * Bad input: each problem is a diagnostic with file:line:col, what was found and what
 * was expected, and a hint; all of them are collected in one run.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../tools/config/load.js';
import type { Diagnostic } from '../../tools/diagnostics/diagnostic.js';
import { buildModel } from '../../tools/sources/load.js';
import { REPO } from './helpers.js';

const FIXTURES = REPO + 'tests/extract/fixtures/';

async function diagnosticsOf(fixture: string): Promise<Diagnostic[]> {
  const { config, root } = await loadConfig(FIXTURES + fixture + '/specmap.config.json');
  return (await buildModel(config, root)).diagnostics.sorted();
}

const where = (d: Diagnostic) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}`;

describe('bad input: every problem, collected in one run', () => {
  it('missing file, page without items, unknown type word, broken JSON, event without fields', async () => {
    const all = await diagnosticsOf('bad');
    expect(all.map(where)).toEqual([
      'broken.md:7:1 error unknown-type-word',
      'broken.md:17:1 error example-invalid-json',
      'broken.md:20:1 error event-without-fields',
      'missing.md:1:1 error source-missing',
      'readme.md:1:1 error no-items',
    ]);
  });

  it.each([
    ['missing.md', 'source-missing', /^Missing source file `missing.md`, expected a readable file/],
    ['readme.md', 'no-items', /^Found no events, endpoints or objects in this page, expected an OpenAI API reference page/],
    ['broken.md', 'unknown-type-word', /^Unexpected type word `strang` for field `gadget_id`, expected one of `string`, .*`map`/],
    [
      'broken.md',
      'example-invalid-json',
      /^Found `}` in the example of `gadget.built`, expected a value \(the payload is not valid JSON\)$/,
    ],
    ['broken.md', 'event-without-fields', /^Found event `gadget.gone` with no fields, expected field blocks/],
  ])('%s: %s says what was found and what was expected, with a hint', async (file, code, message) => {
    const d = (await diagnosticsOf('bad')).find((x) => x.file === file && x.code === code)!;
    expect(d.message).toMatch(message);
    expect(d.hint).toBeTruthy();
  });

  it('duplicate ids across files: an error at the second definition, naming the first', async () => {
    const all = await diagnosticsOf('dup');
    expect(all.map(where)).toEqual(['second.md:3:1 error duplicate-id']);
    expect(all[0]!.message).toBe('Found `event:gadget.built` again, expected each item once (first defined at first.md:1-9)');
    expect(all[0]!.hint).toBeTruthy();
  });

  it('a clean fixture gives no diagnostics and the expected items', async () => {
    const { config, root } = await loadConfig(FIXTURES + 'good/specmap.config.json');
    const { model, diagnostics } = await buildModel(config, root);
    expect(diagnostics.items).toEqual([]);
    expect(model.events.map((e) => [e.id, e.anchors[0], e.correlationKeys])).toEqual([['event:gadget.built', 'gadgets.md:27-50', []]]);
    expect(model.params.map((p) => [p.id, p.field.default])).toEqual([['param:POST /v1/gadgets#flavour', 'plain']]);
  });

  it('a keys mismatch is a warning only', async () => {
    expect((await diagnosticsOf('warn')).map(where)).toEqual(['gadgets.md:19:1 warning example-keys-mismatch']);
  });
});
