/**
 * An SDK class read through a module, package or namespace the file imported, rather than imported
 * by name: `rt.ResponseFailedEvent` of `import openai.types.responses as rt`,
 * `OpenAI.Responses.ResponseFailedEvent` of `import OpenAI from 'openai'`. Each is a definition
 * of the class's event, as an import of the class by name is; a name that does not lead into the
 * SDK, text in a string or a comment, and test files are not.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { CodeFact } from '../../tools/analyzer/facts.js';
import { analyzeFiles, removeAnalyzedFiles } from './analyze-files.js';

afterAll(removeAnalyzedFiles);

async function definitions(files: Record<string, string>): Promise<string[]> {
  const { facts } = await analyzeFiles(files);
  const show = (f: CodeFact) => `${f.file}:${f.line}:${f.column} ${f.literal} ${f.symbol} (${f.evidence})`;
  return facts.filter((f) => f.kind === 'definition').map(show);
}

describe('SDK classes read through an imported module or namespace', () => {
  it('Python: a module imported whole or under another name, and a submodule imported from its package', async () => {
    const defs = await definitions({
      'server/events.py': [
        'import openai.types.responses as rt',
        'from openai.types import responses',
        'from openai.types.responses import response_failed_event as failed_mod',
        '',
        'def failed(r):',
        '    return rt.ResponseFailedEvent(response=r, sequence_number=0)',
        '',
        'def queued(r) -> responses.ResponseQueuedEvent:',
        '    again = rt.ResponseFailedEvent  # the same name again: still one definition',
        '    return failed_mod.ResponseFailedEvent',
        '',
        'def read(event):',
        '    match event:',
        '        case rt.ResponseCreatedEvent():',
        '            pass',
        '',
      ].join('\n'),
    });
    expect(defs).toEqual([
      'server/events.py:6:12 response.failed rt.ResponseFailedEvent (reference to rt.ResponseFailedEvent (openai.types.responses))',
      'server/events.py:8:18 response.queued responses.ResponseQueuedEvent (reference to responses.ResponseQueuedEvent (openai.types.responses))',
      'server/events.py:10:12 response.failed failed_mod.ResponseFailedEvent (reference to failed_mod.ResponseFailedEvent (openai.types.responses.response_failed_event))',
      'server/events.py:14:14 response.created rt.ResponseCreatedEvent (reference to rt.ResponseCreatedEvent (openai.types.responses))',
    ]);
  });

  it('Python: not in a string or a comment, not through a local name or a workspace module, not in a test', async () => {
    const defs = await definitions({
      'server/local.py': 'class ResponseFailedEvent:\n    pass\n',
      'server/other.py': [
        'import openai.types.responses as rt',
        'from server import local',
        '# rt.ResponseFailedEvent in a comment',
        'TEXT = "rt.ResponseFailedEvent in a string"',
        '',
        'def f(obj):',
        '    return obj.ResponseFailedEvent, local.ResponseFailedEvent',
        '',
      ].join('\n'),
      'tests/test_events.py': 'import openai.types.responses as rt\n\ndef test_failed():\n    assert rt.ResponseFailedEvent\n',
    });
    expect(defs).toEqual([]);
  });

  it('TypeScript: a namespace of a default import, a namespace import, in types and in values', async () => {
    const defs = await definitions({
      'web/stream.mts': [
        "import OpenAI from 'openai';",
        "import * as R from 'openai/resources/responses/responses';",
        '',
        'export function onFailed(event: OpenAI.Responses.ResponseFailedEvent): string {',
        '  return event.type;',
        '}',
        'export type Queued = R.ResponseQueuedEvent;',
        'export const isQueued = (e: unknown): e is R.ResponseQueuedEvent => e !== null;',
        '',
      ].join('\n'),
    });
    expect(defs).toEqual([
      'web/stream.mts:4:33 response.failed OpenAI.Responses.ResponseFailedEvent (reference to OpenAI.Responses.ResponseFailedEvent (openai/Responses))',
      'web/stream.mts:7:22 response.queued R.ResponseQueuedEvent (reference to R.ResponseQueuedEvent (openai/resources/responses/responses))',
    ]);
  });

  it('TypeScript: not through a local object, a workspace module, in a comment or into a nested type', async () => {
    const defs = await definitions({
      'web/local.mts': 'export class ResponseFailedEvent {}\n',
      'web/use.mts': [
        "import * as R from 'openai/resources/responses/responses';",
        "import * as local from './local.mjs';",
        '// R.ResponseFailedEvent in a comment',
        "export const text = 'R.ResponseFailedEvent in a string';",
        'const holder = { ResponseFailedEvent: 1 };',
        'export const a = [holder.ResponseFailedEvent, local.ResponseFailedEvent];',
        '// A type nested in the class’s namespace is not the class.',
        'export type Top = R.ResponseTextDeltaEvent.Logprob.TopLogprob;',
        '',
      ].join('\n'),
    });
    expect(defs).toEqual([]);
  });
});

describe('SDK classes imported by name', () => {
  it('TypeScript: an import defines the class’s event, but not one the file names only to take a part of it', async () => {
    const defs = await definitions({
      'web/parts.mts': [
        "import type { ResponseFailedEvent, ResponseQueuedEvent } from 'openai/resources/responses/responses';",
        '',
        "type Part = ResponseFailedEvent['response'];",
        "export const part = (p: Part, e: ResponseQueuedEvent): ResponseFailedEvent[ 'response' ] | undefined => (e ? p : undefined);",
        '',
      ].join('\n'),
    });
    expect(defs).toEqual(['web/parts.mts:1:36 response.queued ResponseQueuedEvent (import from openai/resources/responses/responses)']);
  });
});
