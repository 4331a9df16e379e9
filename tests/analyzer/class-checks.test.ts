/**
 * Python code that tells events apart by class handles each class it checks: `isinstance(e, A)`,
 * a tuple written in place or named at module level (`TERMINAL = (A, B)`), and `type(e) is A` or
 * `type(e) == A`, a union `A | B` in place or named (PEP 604), and `type(e) in (A, B)`. A check against a parameter (`isinstance(event, Other)`) names no class the
 * workspace knows: nothing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeFiles, removeAnalyzedFiles } from './analyze-files.js';

afterAll(removeAnalyzedFiles);

describe('Python class checks', () => {
  it('handles each class of isinstance (in place or a module tuple) and of a type() comparison', async () => {
    const { facts } = await analyzeFiles({
      'server/consume.py': [
        'from openai.types.responses import ResponseCompletedEvent, ResponseFailedEvent, ResponseTextDeltaEvent',
        'TERMINAL = (ResponseCompletedEvent, ResponseFailedEvent)',
        'def consume(event, Other):',
        '    if isinstance(event, TERMINAL):',
        '        return 1',
        '    if type(event) is ResponseTextDeltaEvent:',
        '        return 2',
        '    if type(event) == ResponseCompletedEvent:',
        '        return 3',
        '    if isinstance(event, Other):',
        '        return 4',
        '',
      ].join('\n'),
    });
    expect(facts.filter((f) => f.kind === 'handler').map((f) => `${f.line} ${f.className} (${f.evidence})`)).toEqual([
      '4 ResponseCompletedEvent (isinstance check of ResponseCompletedEvent (openai.types.responses))',
      '4 ResponseFailedEvent (isinstance check of ResponseFailedEvent (openai.types.responses))',
      '6 ResponseTextDeltaEvent (type check of ResponseTextDeltaEvent (openai.types.responses))',
      '8 ResponseCompletedEvent (type check of ResponseCompletedEvent (openai.types.responses))',
    ]);
  });
});

describe('Python class checks written as unions', () => {
  it('handles each class of a union (in place or a module alias) and of a tuple a type() is looked for in', async () => {
    const { facts } = await analyzeFiles({
      'server/unions.py': [
        'from openai.types.responses import ResponseCompletedEvent, ResponseFailedEvent, ResponseTextDeltaEvent',
        'DONE = ResponseCompletedEvent | ResponseFailedEvent',
        'def consume(event):',
        '    if isinstance(event, ResponseTextDeltaEvent | ResponseFailedEvent):',
        '        return 1',
        '    if isinstance(event, DONE):',
        '        return 2',
        '    if type(event) in (ResponseTextDeltaEvent, ResponseCompletedEvent):',
        '        return 3',
        '',
      ].join('\n'),
    });
    expect(facts.filter((f) => f.kind === 'handler').map((f) => `${f.line} ${f.className} (${f.evidence})`)).toEqual([
      '4 ResponseTextDeltaEvent (isinstance check of ResponseTextDeltaEvent (openai.types.responses))',
      '4 ResponseFailedEvent (isinstance check of ResponseFailedEvent (openai.types.responses))',
      '6 ResponseCompletedEvent (isinstance check of ResponseCompletedEvent (openai.types.responses))',
      '6 ResponseFailedEvent (isinstance check of ResponseFailedEvent (openai.types.responses))',
      '8 ResponseTextDeltaEvent (type check of ResponseTextDeltaEvent (openai.types.responses))',
      '8 ResponseCompletedEvent (type check of ResponseCompletedEvent (openai.types.responses))',
    ]);
  });
});
