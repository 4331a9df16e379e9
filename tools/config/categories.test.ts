import { describe, expect, it } from 'vitest';
import { categorizer, DEFAULT_CATEGORIES } from './categories.js';

describe('categorizer with the default groups', () => {
  const classify = categorizer(DEFAULT_CATEGORIES);
  const cases: [string, { category: string; subcategory?: string }][] = [
    ['response.created', { category: 'lifecycle' }],
    ['response.output_text.annotation.added', { category: 'output' }],
    ['response.function_call_arguments.delta', { category: 'function-calls' }],
    ['response.web_search_call.searching', { category: 'builtin-tools', subcategory: 'web-search' }],
    ['response.code_interpreter_call_code.delta', { category: 'builtin-tools', subcategory: 'code-interpreter' }],
    ['response.mcp_list_tools.failed', { category: 'mcp' }],
    ['response.reasoning_summary_part.added', { category: 'reasoning' }],
    ['error', { category: 'errors' }],
    ['response.something_new.happened', { category: 'other' }],
  ];
  it.each(cases)('%s', (type, want) => {
    expect(classify(type)).toEqual(want);
  });
});

describe('categorizer with configured rules', () => {
  it('first match wins, in config order; subcategories before the category itself', () => {
    const classify = categorizer([
      { id: 'a', title: 'A', match: ['x.*'], subcategories: [{ id: 'a1', title: 'A1', match: ['x.one'] }] },
      { id: 'b', title: 'B', match: ['x.two', 'y.*'], subcategories: [] },
    ]);
    expect([classify('x.one'), classify('x.two'), classify('y.z'), classify('z')]).toEqual([
      { category: 'a', subcategory: 'a1' },
      { category: 'a' },
      { category: 'b' },
      { category: 'other' },
    ]);
  });
});
