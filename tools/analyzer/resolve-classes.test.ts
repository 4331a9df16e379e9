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

describe('resolveClasses: declared fields through a base', () => {
  const def = (symbol: string, extra: Partial<CodeFact>): CodeFact => fact('definition', symbol, extra);
  it.each([
    [
      'a subclass of a workspace definition gets the base fields first',
      [def('Created', { literal: 'response.queued', fields: ['type', 'response'] }), def('Loud', { className: 'Created', fields: ['volume'] })],
      ['Created response.queued [type, response]', 'Loud response.queued [type, response, volume]'],
    ],
    [
      'a chain across files, in any order',
      [def('C', { className: 'B', fields: ['c'] }), def('B', { className: 'A', fields: ['b'] }), def('A', { literal: 'response.queued', fields: ['type', 'a'] })],
      ['C response.queued [type, a, b, c]', 'B response.queued [type, a, b]', 'A response.queued [type, a]'],
    ],
    [
      'a subclass of an SDK class: its fields are unknown, so none are claimed',
      [def('Mine', { className: 'ResponseCreatedEvent', fields: ['volume'] })],
      ['Mine response.created (fields unknown)'],
    ],
    [
      'a base whose own fields are unknown leaves the subclass unknown',
      [def('Created', { literal: 'response.queued' }), def('Loud', { className: 'Created', fields: ['volume'] })],
      ['Created response.queued (fields unknown)', 'Loud response.queued (fields unknown)'],
    ],
    [
      'an alias or re-export carries none',
      [def('Created', { literal: 'response.queued', fields: ['type'] }), def('Alias', { className: 'Created' })],
      ['Created response.queued [type]', 'Alias response.queued (fields unknown)'],
    ],
  ])('%s', (_name, facts, want) => {
    const got = resolveClasses(facts, new Map([['ResponseCreatedEvent', ['response.created']]]));
    expect(got.map((f) => `${f.symbol} ${f.literal} ${f.fields ? `[${f.fields.join(', ')}]` : '(fields unknown)'}`)).toEqual(want);
  });
});
