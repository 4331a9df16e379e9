/**
 * A constant read through a module no import of its file names (a module a function returns, one
 * imported inside a function) is found by its holder: a holder of event constants that one module
 * of the workspace declares is that module's. Two modules declaring a holder of that name leave it
 * unknown.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeFiles, removeAnalyzedFiles } from './analyze-files.js';

afterAll(removeAnalyzedFiles);

async function located(files: Record<string, string>): Promise<string[]> {
  const { facts } = await analyzeFiles(files);
  return facts
    .filter((f) => (f.kind === 'handler' || f.kind === 'emitter') && f.literal !== undefined)
    .map((f) => `${f.file}:${f.line} ${f.kind} ${f.literal}`)
    .sort();
}

const EVENTS = [
  'from enum import Enum',
  'class StreamEvents(str, Enum):',
  '    DONE = "response.completed"',
  '    DELTA = "response.output_text.delta"',
  '',
].join('\n');

describe('a constant through a module no import names', () => {
  it('is its holder’s, when one module of the workspace declares that holder', async () => {
    const found = await located({
      'server/types/events.py': EVENTS,
      'server/stream.py': [
        'def event_types():',
        '    from server.types import events',
        '    return events',
        '',
        'def read(event):',
        '    types = event_types()',
        '    if event.type == types.StreamEvents.DONE:',
        '        return 1',
        '',
        'def write(delta):',
        '    from server.types import events as ev',
        '    return Delta(type=ev.StreamEvents.DELTA, delta=delta)',
        '',
      ].join('\n'),
    });
    expect(found).toEqual(['server/stream.py:12 emitter response.output_text.delta', 'server/stream.py:7 handler response.completed']);
  });

  it('is unknown when two modules declare a holder of that name', async () => {
    const found = await located({
      'server/a/events.py': EVENTS,
      'server/b/events.py': EVENTS.replace('response.completed', 'response.failed'),
      'server/stream.py': ['def read(event, types):', '    if event.type == types.StreamEvents.DONE:', '        return 1', ''].join('\n'),
    });
    expect(found).toEqual([]);
  });
});
