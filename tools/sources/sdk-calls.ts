/**
 * The SDK calls a spec's examples make for an endpoint: `openai.responses.create(`,
 * `client.responses.input_tokens.count(` → `responses.create`, `responses.input_tokens.count`. They
 * let the analyzer see a consumer's SDK call as a call of that endpoint. Only chains that start with
 * the endpoint's resource (the first fixed segment of its path, in camelCase or snake_case) count:
 * an example's `console.log(` or `JSON.stringify(` is not one.
 */
const CALL = /\b[A-Za-z_$][\w$]*\.((?:[A-Za-z_$][\w$]*\.)+[A-Za-z_$][\w$]*)\s*\(/g;

export function sdkCallsIn(code: readonly string[], path: string): string[] {
  const word = path.split('/').find((s) => s !== '' && !/^v\d+$/.test(s) && !s.startsWith('{'));
  if (!word) return [];
  const names = new Set([word, word.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())]);
  const out = new Set<string>();
  for (const text of code)
    for (const m of text.matchAll(CALL)) {
      const chain = m[1]!;
      if (names.has(chain.slice(0, chain.indexOf('.')))) out.add(chain);
    }
  return [...out].sort();
}

/** The field as an item carries it: absent when there are none. */
export function withSdkCalls(calls: string[]): { sdkCalls?: string[] } {
  return calls.length > 0 ? { sdkCalls: calls } : {};
}
