import { describe, expect, it } from 'vitest';
import type { CodeFact } from './facts.js';
import { resolveClasses } from './resolve-classes.js';

const fact = (kind: CodeFact['kind'], symbol: string, extra: Partial<CodeFact>): CodeFact => ({ file: 'a.py', line: 1, column: 1, kind, language: 'python', symbol, ...extra });

describe('resolveClasses', () => {
  it.each([
    ['an SDK class from the model', [fact('emitter', 'f', { className: 'ResponseCreatedEvent' })], ['emitter f response.created']],
    ['a local definition', [fact('definition', 'Mine', { literal: 'response.queued' }), fact('emitter', 'f', { className: 'Mine' })], ['definition Mine response.queued', 'emitter f response.queued']],
    [
      'a chain of subclasses and aliases, in any order',
      [fact('handler', 'h', { className: 'C' }), fact('definition', 'C', { className: 'B' }), fact('definition', 'B', { className: 'ResponseCreatedEvent' })],
      ['handler h response.created', 'definition C response.created', 'definition B response.created'],
    ],
    ['a class that defines no event type is dropped', [fact('definition', 'Row', { className: 'BaseModel' }), fact('emitter', 'f', { className: 'Row' })], []],
  ])('%s', (_name, facts, want) => {
    const got = resolveClasses(facts, new Map([['ResponseCreatedEvent', ['response.created']]]));
    expect(got.map((f) => `${f.kind} ${f.symbol} ${f.literal}`)).toEqual(want);
  });
});
