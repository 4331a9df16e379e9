/**
 * A check of an event's type against a collection handles every type the collection holds: written
 * in place (`["a", "b"].includes(event.type)`, `new Set([…]).has(type)`, `in ("a", "b")`) or named
 * (`TERMINAL.has(event.type)`, `event.type in TERMINAL`), in the same file or imported, of strings or
 * of constants (each read where it is declared). A Python
 * Enum member's `.value` is the member. A collection checked against something that names no type
 * (`CODES.has(status)`) handles nothing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeFiles, removeAnalyzedFiles } from './analyze-files.js';

afterAll(removeAnalyzedFiles);

async function handlers(files: Record<string, string>): Promise<string[]> {
  const { facts } = await analyzeFiles(files);
  return facts
    .filter((f) => f.kind === 'handler' && f.literal !== undefined)
    .map((f) => `${f.file}:${f.line} ${f.literal}`)
    .sort();
}

describe('TypeScript membership checks', () => {
  it('handles each type of a collection written in place or named, here or imported', async () => {
    const found = await handlers({
      'web/kinds.mts': "export const DONE_TYPES = new Set(['response.completed', 'response.failed']);\n",
      'web/reduce.mts': [
        "import { DONE_TYPES } from './kinds.mjs';",
        "const SKIPPED = ['response.queued', 'response.in_progress'] as const;",
        'const CODES = new Set(["response.refusal.delta"]);',
        'export function reduce(event: { type: string }, status: string) {',
        "  if (['response.incomplete', 'response.output_text.done'].includes(event.type)) return 1;",
        '  if (DONE_TYPES.has(event.type)) return 2;',
        '  if (SKIPPED.includes(event.type as never)) return 3;',
        "  if (new Set(['response.output_text.delta']).has(event.type)) return 4;",
        '  if (CODES.has(status)) return 5;',
        '  return 0;',
        '}',
        '',
      ].join('\n'),
    });
    expect(found).toEqual([
      'web/reduce.mts:5 response.incomplete',
      'web/reduce.mts:5 response.output_text.done',
      'web/reduce.mts:6 response.completed',
      'web/reduce.mts:6 response.failed',
      'web/reduce.mts:7 response.in_progress',
      'web/reduce.mts:7 response.queued',
      'web/reduce.mts:8 response.output_text.delta',
    ]);
  });
});

describe('Python membership checks and Enum values', () => {
  it('handles each type of a named collection, here or imported, and an Enum member through its value', async () => {
    const found = await handlers({
      'server/kinds.py': [
        'from enum import Enum',
        'DONE_EVENTS = ("response.completed", "response.failed")',
        'class Kind(str, Enum):',
        '    DELTA = "response.output_text.delta"',
        '',
      ].join('\n'),
      'server/consume.py': [
        'from .kinds import DONE_EVENTS, Kind',
        'SKIP_EVENTS = {"response.queued", "response.in_progress"}',
        'ERROR_CODES = {"response.refusal.delta"}',
        'def consume(event, status):',
        '    if event.type in DONE_EVENTS:',
        '        return 1',
        '    if event.type in SKIP_EVENTS:',
        '        return 2',
        '    if event.type == Kind.DELTA.value:',
        '        return 3',
        '    if status in ERROR_CODES:',
        '        return 4',
        '',
      ].join('\n'),
    });
    expect(found).toEqual([
      'server/consume.py:5 response.completed',
      'server/consume.py:5 response.failed',
      'server/consume.py:7 response.in_progress',
      'server/consume.py:7 response.queued',
      'server/consume.py:9 response.output_text.delta',
    ]);
  });

  it('reads a collection whatever its name says, a table’s keys, and a collection of the function’s own, each checked against a type', async () => {
    const found = await handlers({
      'server/status.py': [
        'RUNNING = ("response.queued", "response.in_progress")',
        'STATUS = {',
        '    "response.completed": ("Done", "complete"),',
        '    "response.failed": ("Failed", "error"),',
        '}',
        'PALETTE = {"response.incomplete": "grey"}',
        'def show(box, event, code):',
        '    labels = {"response.web_search_call.searching": "Searching", "response.output_text.done": "Done"}',
        '    skipped = ("response.output_item.added", "error")',
        '    others = ("response.refusal.delta",)',
        '    if event.type in RUNNING:',
        '        return 0',
        '    if event.type in STATUS:',
        '        return STATUS[event.type]',
        '    if event in labels:',
        '        box.update(label=labels[event])',
        '    if event.type not in skipped:',
        '        return 2',
        '    if code in others:',
        '        return 3',
        '    return PALETTE',
        '',
      ].join('\n'),
    });
    expect(found).toEqual([
      'server/status.py:11 response.in_progress',
      'server/status.py:11 response.queued',
      'server/status.py:13 response.completed',
      'server/status.py:13 response.failed',
      'server/status.py:8 response.output_text.done',
      'server/status.py:8 response.web_search_call.searching',
      'server/status.py:9 response.output_item.added',
    ]);
  });

  it('takes an undotted type checked in one written collection with a dotted one of the spec’s, and not alone', async () => {
    const found = await handlers({
      'server/convert.py': [
        'def convert(event, status):',
        '    etype = event.type',
        '    if etype in ("response.failed", "error"):',
        '        return 1',
        '    if etype in ("ping", "error"):',
        '        return 2',
        '    if status in ("queued", "error"):',
        '        return 3',
        '',
      ].join('\n'),
    });
    expect(found).toEqual(['server/convert.py:3 error', 'server/convert.py:3 response.failed']);
  });

  it('reads a private collection, one made by frozenset(), and a class’s own through self or cls', async () => {
    const found = await handlers({
      'server/stream.py': [
        'from typing import Final',
        '_TERMINAL = ["response.completed", "response.failed", "error"]',
        'DONE_TYPES: Final = frozenset({"response.output_text.done"})',
        'class Reader:',
        '    _SKIPPED = frozenset(("response.queued", "response.in_progress"))',
        '    def read(self, event):',
        '        event_type = getattr(event, "type", None)',
        '        if event_type in _TERMINAL:',
        '            return 1',
        '        if event.type in DONE_TYPES:',
        '            return 2',
        '        if event_type in self._SKIPPED:',
        '            return 3',
        '    @classmethod',
        '    def skipped(cls, event_type):',
        '        return event_type in cls._SKIPPED',
        '',
      ].join('\n'),
    });
    expect(found).toEqual([
      'server/stream.py:10 response.output_text.done',
      'server/stream.py:12 response.in_progress',
      'server/stream.py:12 response.queued',
      'server/stream.py:16 response.in_progress',
      'server/stream.py:16 response.queued',
      'server/stream.py:8 error',
      'server/stream.py:8 response.completed',
      'server/stream.py:8 response.failed',
    ]);
  });

  it('reads a collection checked against a name short for the event’s type (`etype`, `evt_type`), and not against another', async () => {
    const found = await handlers({
      'server/adapter.py': [
        '_NATIVE = frozenset({"response.completed", "response.failed"})',
        '_CODES = frozenset({"response.incomplete"})',
        'def on(etype, status):',
        '    if etype in _NATIVE:',
        '        return 1',
        '    return status in _CODES',
        '',
      ].join('\n'),
    });
    expect(found).toEqual(['server/adapter.py:4 response.completed', 'server/adapter.py:4 response.failed']);
  });

  it('reads a collection of constants, each where it is declared, here or imported', async () => {
    const found = await handlers({
      'server/events.py': [
        'from enum import Enum',
        'class Ev(str, Enum):',
        '    DONE = "response.completed"',
        '    FAILED = "response.failed"',
        '',
      ].join('\n'),
      'server/kinds.py': ['from .events import Ev', 'END_TYPES = (Ev.DONE, Ev.FAILED)', ''].join('\n'),
      'server/read.py': ['from .kinds import END_TYPES', 'def read(event):', '    return event.type in END_TYPES', ''].join('\n'),
    });
    expect(found).toEqual(['server/read.py:3 response.completed', 'server/read.py:3 response.failed']);
  });
});

describe('TypeScript collections of constants', () => {
  it('reads each constant of a collection written in place, named here, or imported', async () => {
    const found = await handlers({
      'web/events.mts':
        "export enum EventType { Done = 'response.completed', Failed = 'response.failed', Delta = 'response.output_text.delta' }\n",
      'web/kinds.mts': [
        "import { EventType } from './events.mjs';",
        'export const END_KINDS = new Set<string>([EventType.Done, EventType.Failed]);',
        '',
      ].join('\n'),
      'web/read.mts': [
        "import { EventType } from './events.mjs';",
        "import { END_KINDS } from './kinds.mjs';",
        'const STREAMING = [EventType.Delta] as const;',
        'export function read(event: { type: string }, status: string) {',
        '  if ([EventType.Done, EventType.Failed].includes(event.type as EventType)) return 1;',
        '  if (STREAMING.includes(event.type as EventType.Delta)) return 2;',
        '  if (END_KINDS.has(event.type)) return 3;',
        '  if ([EventType.Delta].includes(String(status) as never)) return 4;',
        '  return 0;',
        '}',
        '',
      ].join('\n'),
    });
    expect(found).toEqual([
      'web/read.mts:5 response.completed',
      'web/read.mts:5 response.failed',
      'web/read.mts:6 response.output_text.delta',
      'web/read.mts:7 response.completed',
      'web/read.mts:7 response.failed',
    ]);
  });
});
