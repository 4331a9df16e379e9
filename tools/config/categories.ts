/**
 * Default event categories: the groups our users track (DESIGN.md, users 2), in their order.
 * The config's `categories` replaces this list; first match wins.
 */
import picomatch from 'picomatch';
import type { CategoryConfig } from './schema.js';

export const DEFAULT_CATEGORIES: CategoryConfig[] = [
  {
    id: 'lifecycle',
    title: 'Lifecycle',
    match: ['response.created', 'response.in_progress', 'response.completed', 'response.failed', 'response.incomplete', 'response.queued'],
    subcategories: [],
  },
  {
    id: 'output',
    title: 'Output content',
    match: ['response.output_item.*', 'response.content_part.*', 'response.output_text.*', 'response.output_text.**', 'response.refusal.*', 'response.audio.*', 'response.audio_transcript.*'],
    subcategories: [],
  },
  {
    id: 'function-calls',
    title: 'Function calls',
    match: ['response.function_call_arguments.*', 'response.custom_tool_call_input.*'],
    subcategories: [],
  },
  {
    id: 'builtin-tools',
    title: 'Built-in tools',
    match: [],
    subcategories: [
      { id: 'file-search', title: 'File search', match: ['response.file_search_call.*'] },
      { id: 'web-search', title: 'Web search', match: ['response.web_search_call.*'] },
      { id: 'image-generation', title: 'Image generation', match: ['response.image_generation_call.*'] },
      { id: 'code-interpreter', title: 'Code interpreter', match: ['response.code_interpreter_call.*', 'response.code_interpreter_call_code.*'] },
      { id: 'computer-use', title: 'Computer use', match: ['response.computer_call.*'] },
      { id: 'shell', title: 'Shell', match: ['response.shell_call*.*', 'response.local_shell_call*.*', 'response.apply_patch_call*.*'] },
    ],
  },
  { id: 'mcp', title: 'MCP tools', match: ['response.mcp_*.*'], subcategories: [] },
  { id: 'reasoning', title: 'Reasoning', match: ['response.reasoning*.*', 'response.reasoning.*'], subcategories: [] },
  { id: 'errors', title: 'Errors', match: ['error', 'response.error'], subcategories: [] },
  { id: 'agents', title: 'Agents', match: [], subcategories: [] },
];

export const OTHER_CATEGORY = { id: 'other', title: 'Other' } as const;

export interface CategoryMatch {
  category: string;
  subcategory?: string;
}

/** Returns a classifier from event type to category; unmatched types fall in `other`. */
export function categorizer(categories: readonly CategoryConfig[]): (type: string) => CategoryMatch {
  const opts = { dot: true };
  const compiled = categories.map((c) => ({
    id: c.id,
    own: c.match.length ? picomatch(c.match, opts) : () => false,
    subs: c.subcategories.map((s) => ({ id: s.id, test: picomatch(s.match, opts) })),
  }));
  return (type) => {
    for (const c of compiled) {
      const sub = c.subs.find((s) => s.test(type));
      if (sub) return { category: c.id, subcategory: sub.id };
      if (c.own(type)) return { category: c.id };
    }
    return { category: OTHER_CATEGORY.id };
  };
}
