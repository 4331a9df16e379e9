/**
 * A dispatch table keyed by constants (`{Events.CREATED: on_created}`, `{ [Ev.Created]: onCreated }`)
 * handles the types its keys hold when they are dotted: the table says its keys choose handlers, not
 * that each is an event type, so an undotted one (`Ev.ERROR`, a log level's word too) counts nowhere.
 * An SSE message's `event` given a constant emits on the same terms, as a written one does.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeFiles, removeAnalyzedFiles } from './analyze-files.js';

afterAll(removeAnalyzedFiles);

async function handlers(files: Record<string, string>): Promise<string[]> {
  const { facts } = await analyzeFiles(files);
  return facts.filter((f) => f.kind === 'handler').map((f) => `${f.file}:${f.line} ${f.literal}`);
}

describe('dispatch tables keyed by constants of another module', () => {
  it('Python: a dict of handlers', async () => {
    expect(
      await handlers({
        'server/kinds.py': 'from enum import Enum\nclass Ev(str, Enum):\n    CREATED = "response.created"\n    ERROR = "error"\n',
        'server/disp.py':
          'from .kinds import Ev\nHANDLERS = {\n    Ev.CREATED: on_created,\n    Ev.ERROR: on_error,\n    Ev.OTHER: 1,\n}\n',
      }),
    ).toEqual(['server/disp.py:3 response.created']);
  });

  it('TypeScript: an object of handlers with computed keys', async () => {
    expect(
      await handlers({
        'web/kinds.mts': "export enum Ev {\n  Created = 'response.created',\n  Err = 'error',\n}\n",
        'web/disp.mts':
          "import { Ev } from './kinds.mjs';\nexport const handlers = {\n  [Ev.Created]: (e: unknown) => e,\n  [Ev.Err]: onError,\n};\n",
      }),
    ).toEqual(['web/disp.mts:3 response.created']);
  });
});

describe('an SSE message whose event is a constant of another module', () => {
  it('emits the dotted types', async () => {
    const { facts } = await analyzeFiles({
      'server/kinds.py': 'from enum import Enum\nclass Ev(str, Enum):\n    CREATED = "response.created"\n    ERROR = "error"\n',
      'server/sse.py': [
        'from .kinds import Ev',
        'async def stream():',
        '    yield {"event": Ev.CREATED, "data": "{}"}',
        '    yield ServerSentEvent(event=Ev.CREATED, data="{}")',
        '    yield {"event": Ev.ERROR, "data": "{}"}',
        '',
      ].join('\n'),
    });
    expect(facts.filter((f) => f.kind === 'emitter').map((f) => `${f.line} ${f.literal}`)).toEqual([
      '3 response.created',
      '4 response.created',
    ]);
  });
});

describe('dispatch tables filled one key at a time, or made as a Map', () => {
  it('Python: a handler given to a written type, and no value or read of one', async () => {
    expect(
      await handlers({
        'server/disp.py': [
          'HANDLERS = {}',
          'HANDLERS["response.created"] = on_created',
          'HANDLERS["response.failed"] = lambda e: None',
          'HANDLERS["error"] = on_error',
          'COUNTS = {}',
          'COUNTS["response.completed"] = 0',
          'def seen():',
          '    return COUNTS["response.incomplete"]',
          '',
        ].join('\n'),
      }),
    ).toEqual(['server/disp.py:2 response.created', 'server/disp.py:3 response.failed']);
  });

  it('TypeScript: an element given a handler, and the entries of a new Map', async () => {
    expect(
      await handlers({
        'web/disp.mts': [
          'const extra: Record<string, (e: unknown) => void> = {};',
          "extra['response.created'] = onCreated;",
          "extra['response.queued'] = 0 as never;",
          'const table = new Map([',
          "  ['response.completed', onCompleted],",
          "  ['response.failed', (e: unknown) => e],",
          "  ['response.incomplete', 3],",
          ']);',
          "const pairs = [['response.in_progress', onProgress]];",
          'export { extra, table, pairs };',
          '',
        ].join('\n'),
      }),
    ).toEqual(['web/disp.mts:2 response.created', 'web/disp.mts:5 response.completed', 'web/disp.mts:6 response.failed']);
  });
});
