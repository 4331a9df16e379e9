/**
 * Event types written as constants, per file: the facts pass names each constant where a type
 * stands, as written (the workspace pass gives it its value), and a module lists the constants it
 * assigns an event type to. Text that only looks like one (in a string, in a comment) is no code.
 */
import { describe, expect, it } from 'vitest';
import { buildCandidates } from '../../tools/analyzer/candidates.js';
import { analyzePython } from '../../tools/analyzer/python/analyze-python.js';
import { fixtureModel } from './fixture-model.js';

const candidates = buildCandidates({ model: fixtureModel, unknownLiteralPatterns: [] });

async function analyze(text: string) {
  const [out] = await analyzePython([{ text, ctx: { file: 'app/x.py', language: 'python', isTest: false, candidates } }]);
  return out!;
}

describe('Python constants of event types', () => {
  it('lists the constants a module assigns an event type to; an undotted one only in a class of event types', async () => {
    const out = await analyze(
      [
        'class Events(str, Enum):',
        '    CREATED = "response.created"',
        '    ERROR = "error"',
        'class Level(str, Enum):',
        '    ERROR = "error"',
        'DELTA = "response.output_text.delta"',
        'ERROR = "error"',
        'def f():',
        '    LOCAL = "response.completed"',
        '',
      ].join('\n'),
    );
    expect(out.module!.constants).toEqual([
      ['Events.CREATED', 'response.created'],
      ['Events.ERROR', 'error'],
      ['DELTA', 'response.output_text.delta'],
    ]);
  });

  it('names a constant where a type stands, in document order with the other facts, and nowhere else', async () => {
    // A class whose `type` is a constant has its own type: it is no subclass definition of its base.
    const out = await analyze(
      [
        'class Delta(BaseModel):',
        '    type: Literal[Events.DELTA_EVENT]',
        'def handle(event, status):',
        '    emit("response.created")',
        '    if event.type == Events.ERROR_EVENT:',
        '        pass',
        '    if status == Events.DONE_EVENT:',
        '        pass',
        '    match event.type:',
        '        case Events.DONE_EVENT:',
        '            pass',
        '    send({"type": OUTPUT_DELTA, "note": "Events.NOT_CODE"})  # Events.IN_COMMENT',
        '    return Events.MAKE_ONE()',
        '',
      ].join('\n'),
    );
    const named = out.facts.filter((f) => (f.constant ?? f.literal) !== undefined);
    expect(named.map((f) => `${f.line} ${f.kind} ${f.symbol} ${f.constant ?? f.literal} (${f.evidence})`)).toEqual([
      '2 definition Delta Events.DELTA_EVENT (Literal type field)',
      '4 emitter handle response.created (argument of emit())',
      '5 handler handle Events.ERROR_EVENT (comparison with type)',
      '10 handler handle Events.DONE_EVENT (case label)',
      '12 emitter handle OUTPUT_DELTA (type key in dict)',
    ]);
    expect(out.facts.filter((f) => f.evidence?.startsWith('subclass of'))).toEqual([]);
  });
});
