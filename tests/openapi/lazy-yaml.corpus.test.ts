/**
 * Integration: the real OpenAPI documents (read from ../shared at run time) read lazily are
 * js-yaml's whole parse, key for key and in order; the model reads a small part of them; and
 * pieces of them with a line or characters put in read as js-yaml reads them (or fail as it fails).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import jsyaml from 'js-yaml';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DiagnosticBag } from '../../tools/diagnostics/diagnostic.js';
import { loadYamlLazily } from '../../tools/sources/openapi/lazy-yaml.js';
import { extractOpenApi } from '../../tools/sources/openapi/read.js';
import { REFERENCE, readSpec, SPECS } from './helpers.js';

const OPENAI_YAML = [SPECS['2026-08-21'], SPECS['2026-05-13'], SPECS['2025-04-29']];
const YAML = [...OPENAI_YAML, 'llama-stack/llama-stack-openapi-2025-08-29.yaml'];

function snapshot(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(snapshot);
  if (v !== null && typeof v === 'object') return Object.keys(v).map((k) => [k, snapshot((v as Record<string, unknown>)[k])]);
  return v;
}

function read(how: (text: string) => unknown, text: string): { value: unknown } | { error: string } {
  try {
    return { value: snapshot(how(text)) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
const lazily = (text: string) => read((t) => loadYamlLazily(t, 'doc.yaml'), text);
const whole = (text: string) => read((t) => jsyaml.load(t, { schema: jsyaml.CORE_SCHEMA, filename: 'doc.yaml' }), text);

afterEach(() => vi.restoreAllMocks());

describe.each(YAML)('%s read lazily', (rel) => {
  const text = readFileSync(REFERENCE + rel, 'utf8');

  it('is the whole parse, key for key', () => {
    expect(lazily(text)).toEqual(whole(text));
  });
});

// OpenAI's documents, which the bundled profile reads a part of (its default APIs).
describe.each(OPENAI_YAML)('%s for the model', (rel) => {
  const text = readFileSync(REFERENCE + rel, 'utf8');

  it('parses a small part of the text', () => {
    const load = vi.spyOn(jsyaml, 'load');
    const { source } = readSpec(rel);
    const bag = new DiagnosticBag();
    const extract = extractOpenApi(text, source, bag);
    expect(extract.events.length + extract.endpoints.length).toBeGreaterThan(0);
    const parsed = load.mock.calls.reduce((n, c) => n + c[0].length, 0);
    // Every entry read once: the paths of the default APIs and the schemas they reach.
    expect(parsed).toBeGreaterThan(0);
    expect(parsed / text.length).toBeLessThan(0.3);
  });
});

it('reads the real documents cut short with a line or characters put in as js-yaml does (property)', () => {
  const docs = YAML.map((rel) => readFileSync(REFERENCE + rel, 'utf8').split('\n'));
  const fragment = fc.constantFrom('\n', ': ', '- ', '  ', '#', '"', "'", '[', '{', '}', ']', '|', '>', '&a ', '*a', 'k: v', '  k:', '\\');
  fc.assert(
    fc.property(
      fc.nat(docs.length - 1),
      fc.nat(),
      fc.integer({ min: 20, max: 600 }),
      fragment,
      fc.boolean(),
      (d, at, length, insert, asLine) => {
        const all = docs[d]!;
        const start = at % Math.max(1, all.length - length);
        // From the top of the document, so the levels are the real ones: the first lines, then a window.
        const lines = [...all.slice(0, 30), ...all.slice(start, start + length)];
        const i = (at >> 3) % lines.length;
        if (asLine) lines.splice(i, 0, insert);
        else lines[i] = lines[i]!.slice(0, at % 40) + insert + lines[i]!.slice(at % 40);
        const text = lines.join('\n');
        expect(lazily(text)).toEqual(whole(text));
      },
    ),
    { numRuns: Number(process.env.LAZY_RUNS ?? 300) },
  );
});
