import { describe, expect, it } from 'vitest';
import type { InitPlan } from '../../commands/init.js';
import { formatInitPlan } from './init.js';

const plan = (frameworks: InitPlan['found']['frameworks']): InitPlan => ({
  configFile: 'specmap.config.json',
  root: '/repo',
  found: { python: 2, typescript: 1, tests: 0, traces: 0, frameworks },
  proposal: { sources: ['docs/DOC_streaming_events.md'], placeholderSources: false, lanes: [], targets: ['tracker'], implemented: [] },
  laneFiles: {},
  gitignore: [],
  files: [],
  next: 'npx specmap sync',
});

describe('formatInitPlan', () => {
  it('lists each framework under the language it was found in', () => {
    const text = formatInitPlan(
      plan([
        { id: 'starlette', title: 'Starlette routes', language: 'python', file: 'app/routes.py' },
        { id: 'openai-python', title: 'OpenAI SDK calls (Python)', language: 'python', file: 'app/llm.py' },
        { id: 'zod', title: 'Zod schemas', language: 'typescript', file: 'web/schema.ts' },
      ]),
    );
    expect(text).toContain('  python: 2 files (Starlette routes in app/routes.py; OpenAI SDK calls (Python) in app/llm.py)\n');
    expect(text).toContain('  typescript: 1 file (Zod schemas in web/schema.ts)\n');
  });
});
