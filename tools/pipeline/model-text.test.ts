import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { toJsonText } from '../io/json.js';
import type { Model } from '../model/schema.js';
import { MODEL_VERSION } from '../model/version.js';
import { modelFileText, modelFromFileText, modelText } from './model-text.js';

const INPUTS = 'a'.repeat(64);

const model = {
  modelVersion: MODEL_VERSION,
  sources: [{ id: 'widgets.md', kind: 'openai-docs', path: 'docs/widgets.md', sha256: 'b'.repeat(64) }],
  events: [],
  endpoints: [],
  params: [],
  enums: [],
  objects: [],
  schemas: { Widget: { kind: 'primitive', name: 'string' } },
} as unknown as Model;

const warning: Diagnostic = {
  severity: 'warning',
  code: 'example-keys-mismatch',
  file: 'widgets.md',
  line: 12,
  column: 1,
  message: 'Found an example with `colour`, expected `color`',
  hint: 'report it upstream',
};

const text = modelFileText(model, INPUTS, [warning]);

describe('the model file text', () => {
  it('is the model with its build record last, as the JSON writer writes it', () => {
    const parsed = JSON.parse(text) as { build: { sha256: string } };
    expect(text).toBe(
      toJsonText({ ...JSON.parse(modelText(model)), build: { inputs: INPUTS, diagnostics: [warning], sha256: parsed.build.sha256 } }),
    );
    expect(parsed.build.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(modelText({ ...model, build: { inputs: INPUTS, diagnostics: [], sha256: INPUTS } })).toBe(modelText(model));
  });

  it('gives back the model and the build warnings for the inputs it was built from', () => {
    const read = modelFromFileText(text, INPUTS);
    expect(read?.model).toEqual(model);
    expect(read?.diagnostics).toEqual([warning]);
    // The model as a build makes it: no `$schema`, no record.
    expect(Object.keys(read!.model)).toEqual(Object.keys(model));
  });

  it('is not taken for other inputs, or once any character of it changed', () => {
    expect(modelFromFileText(text, 'c'.repeat(64))).toBeUndefined();
    let taken = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i] === 'x' ? 'y' : 'x';
      if (modelFromFileText(text.slice(0, i) + c + text.slice(i + 1), INPUTS)) taken++;
      if (modelFromFileText(text.slice(0, i) + text.slice(i + 1), INPUTS)) taken++;
    }
    expect(taken).toBe(0);
  });

  it('is not taken reformatted, without its record, or with a record it does not write', () => {
    const parsed = JSON.parse(text) as Record<string, unknown> & { build: Record<string, unknown> };
    expect(modelFromFileText(`${JSON.stringify(parsed, null, 4)}\n`, INPUTS)).toBeUndefined();
    expect(modelFromFileText(text.trimEnd(), INPUTS)).toBeUndefined();
    expect(modelFromFileText(modelText(model), INPUTS)).toBeUndefined();
    expect(modelFromFileText(toJsonText({ ...parsed, build: { ...parsed.build, note: 'kept' } }), INPUTS)).toBeUndefined();
    expect(modelFromFileText('{ "modelVersion": 1,\n  "build": {}\n}\n', INPUTS)).toBeUndefined();
    // An error is never written with a model; a record holding one is not replayed.
    expect(modelFromFileText(modelFileText(model, INPUTS, [{ ...warning, severity: 'error' }]), INPUTS)).toBeUndefined();
    // A hand that rewrites a warning and its hash alike still cannot slip in something that is not one.
    expect(
      modelFromFileText(modelFileText(model, INPUTS, [{ ...warning, line: 'twelve' } as unknown as Diagnostic]), INPUTS),
    ).toBeUndefined();
  });

  it('holds the warnings in its hash: a record rewritten by hand is not taken', () => {
    const edited = text.replace('Found an example with', 'Found a sample with');
    expect(edited).not.toBe(text);
    expect(modelFromFileText(edited, INPUTS)).toBeUndefined();
  });
});
