/** Runs one source text through an adapter and prints its definition facts with the fields they carry. */
import { buildCandidates } from '../../../tools/analyzer/candidates.js';
import type { FileContext } from '../../../tools/analyzer/fact-sink.js';
import type { CodeFact } from '../../../tools/analyzer/facts.js';
import { analyzePython } from '../../../tools/analyzer/python/analyze-python.js';
import { analyzeTypeScript } from '../../../tools/analyzer/typescript/analyze-typescript.js';
import { fixtureModel } from '../fixture-model.js';

const candidates = buildCandidates({ model: fixtureModel, unknownLiteralPatterns: [] });

/** `Symbol literal-or-via-Base [fields]`, or `… (fields unknown)` when the fact carries none. */
export function showDefinition(f: CodeFact): string {
  const what = f.literal ?? `via ${f.className}`;
  return `${f.symbol} ${what} ${f.fields ? `[${f.fields.join(', ')}]` : '(fields unknown)'}`;
}

export async function definitionsIn(language: 'python' | 'typescript', text: string): Promise<string[]> {
  const ctx: FileContext = { file: language === 'python' ? 'app/events.py' : 'web/events.ts', language, isTest: false, candidates };
  const [out] = language === 'python' ? await analyzePython([{ text, ctx }]) : await analyzeTypeScript([{ text, ctx }]);
  return out!.facts.filter((f) => f.kind === 'definition').map(showDefinition);
}
