/**
 * A prefix check of an event's type (`type.startsWith('response.output_text')`, Python's
 * `etype.startswith((…, …))`) handles every type of the model that starts with the string; an
 * `endsWith` of the same subject joined by `&&`/`and` narrows it. A prefix that names only the API
 * (`response.`), one that starts no type of the model, or a check on something that names no type
 * (`url.startsWith(…)`) handles nothing. The mapping ties such a check to each type it lets through
 * and does not list its string as an unknown literal.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { PREFIX_CHECK } from '../../tools/analyzer/candidates.js';
import { computeMapping } from '../../tools/mapping/compute.js';
import { fact, smallConfig, smallModel } from '../mapping/fixture.js';
import { analyzeFiles, removeAnalyzedFiles } from './analyze-files.js';

afterAll(removeAnalyzedFiles);

async function prefixFacts(files: Record<string, string>): Promise<string[]> {
  const { facts } = await analyzeFiles(files);
  return facts
    .filter((f) => f.prefix)
    .map((f) => `${f.file}:${f.line} ${f.kind} ${f.literal}${f.suffix !== undefined ? ` …${f.suffix}` : ''}`)
    .sort();
}

describe('prefix checks in code', () => {
  it('TypeScript: the string of a check on a type, narrowed by an endsWith in the same && chain', async () => {
    const found = await prefixFacts({
      'web/route.mts': [
        'export function route(event: { type: string }, url: string, eventType: string) {',
        "  if (event.type.startsWith('response.output_text')) return 1;",
        "  if (eventType.startsWith('response.re') && (eventType.endsWith('.delta') || eventType === 'x')) return 2;",
        "  if (event.type.startsWith('response.out') && event.type.endsWith('.added')) return 3;",
        "  if (event.type.startsWith('response.')) return 4;",
        "  if (url.startsWith('response.output_text')) return 5;",
        "  if (event.type.startsWith('conversation.item')) return 6;",
        "  if (event.type === 'response.created') return 7;",
        '  return 0;',
        '}',
        '',
      ].join('\n'),
    });
    // Line 3's endsWith is inside an `||`: it does not narrow the whole check.
    expect(found).toEqual([
      'web/route.mts:2 handler response.output_text',
      'web/route.mts:3 handler response.re',
      'web/route.mts:4 handler response.out ….added',
    ]);
  });

  it('Python: one string or a tuple of them, narrowed by an endswith joined by and', async () => {
    const found = await prefixFacts({
      'server/route.py': [
        'def route(event, etype, path):',
        '    if etype.startswith(("response.output_text", "response.output_item")) and etype.endswith(".done"):',
        '        return 1',
        '    if event.type.startswith("response.refusal"):',
        '        return 2',
        '    if path.startswith("response.output_text"):',
        '        return 3',
        '    if event.type.startswith("response."):',
        '        return 4',
        '    if event.type == "response.created":',
        '        return 5',
        '',
      ].join('\n'),
    });
    expect(found).toEqual([
      'server/route.py:2 handler response.output_item ….done',
      'server/route.py:2 handler response.output_text ….done',
      'server/route.py:4 handler response.refusal',
    ]);
  });

  it('a test file’s prefix check is a test of each type it lets through', async () => {
    const found = await prefixFacts({
      'tests/test_stream.py': [
        'def test_text(events):',
        '    assert all(e.type.startswith("response.output_text") for e in events)',
        '    assert events[0].type == "response.created"',
        '',
      ].join('\n'),
    });
    expect(found).toEqual(['tests/test_stream.py:2 test response.output_text']);
  });
});

describe('prefix checks in the mapping', () => {
  const model = smallModel();
  const template = model.events[1]!;
  model.events.push({ ...template, id: 'event:response.output_text.done', type: 'response.output_text.done' });
  const check = (line: number, literal: string, suffix?: string) =>
    fact({
      file: 'web/route.ts',
      line,
      kind: 'handler',
      symbol: 'route',
      literal,
      prefix: true,
      evidence: PREFIX_CHECK,
      ...(suffix ? { suffix } : {}),
    });
  const m = computeMapping(
    model,
    [check(2, 'response.output_text'), check(3, 'response.output_text', '.done'), check(4, 'response.zzz')],
    smallConfig(),
  );
  const lines = (id: string) => (m.items[id]?.lanes.handler ?? []).map((l) => `${l.line} ${l.evidence ?? ''}`).sort();

  it('ties the check to every type that starts with it, and only those an endsWith lets through', () => {
    expect(lines('event:response.output_text.delta')).toEqual(['2 prefix check of type']);
    expect(lines('event:response.output_text.done')).toEqual(['2 prefix check of type', '3 prefix check of type']);
    expect(lines('event:response.created')).toEqual([]);
  });

  it('is medium confidence, and its string is no unknown literal', () => {
    expect(m.items['event:response.output_text.delta']!.lanes.handler![0]!.confidence).toBe('medium');
    expect(m.unknownLiterals).toEqual([]);
  });
});
