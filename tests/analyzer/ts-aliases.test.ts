/** TypeScript aliases of string literals: the values a field typed with one accepts, `null` and `undefined` aside. */
import { describe, expect, it } from 'vitest';
import { buildCandidates } from '../../tools/analyzer/candidates.js';
import { analyzeTypeScript } from '../../tools/analyzer/typescript/analyze-typescript.js';
import { fixtureModel } from './fixture-model.js';

const candidates = buildCandidates({ model: fixtureModel, unknownLiteralPatterns: [] });

describe('TypeScript string-literal aliases', () => {
  it('keep their values when the union also allows null or undefined', async () => {
    const text = [
      "export type Tier = 'auto' | 'flex' | undefined;",
      "export type Order = 'asc' | 'desc' | null;",
      "export type Open = 'a' | string;",
      '',
    ].join('\n');
    const [out] = await analyzeTypeScript([{ text, ctx: { file: 'src/aliases.ts', language: 'typescript', isTest: false, candidates } }]);
    expect(out!.module!.unions).toEqual([
      ['Tier', ['auto', 'flex']],
      ['Order', ['asc', 'desc']],
    ]);
  });
});
