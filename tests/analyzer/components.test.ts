/**
 * Single-file components (Vue's `.vue`, Svelte's `.svelte`): the code in their `<script>` blocks is
 * read as TypeScript, at the component's own lines; the markup and styles around it are not code.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeFiles, removeAnalyzedFiles } from './analyze-files.js';

afterAll(removeAnalyzedFiles);

const LANE = [{ name: 'ui', include: ['web/**/*.vue', 'web/**/*.svelte'], exclude: [], language: 'auto' as const }];

describe('single-file components', () => {
  it('reads the SDK call and the handled events of a Vue and a Svelte component, at their lines', async () => {
    const { facts } = await analyzeFiles(
      {
        'web/Chat.vue': [
          '<template>',
          '  <div @click="send">{{ "response.created" }}</div>',
          '</template>',
          '<script setup lang="ts">',
          "import OpenAI from 'openai';",
          'const client = new OpenAI();',
          'async function send(text: string) {',
          "  const stream = await client.responses.create({ model: 'm', input: text, stream: true });",
          '  for await (const event of stream) {',
          "    if (event.type === 'response.output_text.delta') append(event.delta);",
          '  }',
          '}',
          '</script>',
          '<style>.x { color: red; }</style>',
          '',
        ].join('\n'),
        'web/Stream.svelte': [
          '<script lang="ts">',
          '  export function onEvent(event: { type: string }) {',
          '    switch (event.type) {',
          "      case 'response.completed': return done();",
          '    }',
          '  }',
          '</script>',
          '<p>response.failed</p>',
          '',
        ].join('\n'),
      },
      LANE,
    );
    expect(
      facts
        .filter((f) => f.kind !== 'literal')
        .map((f) => `${f.file}:${f.line}:${f.column} ${f.kind} ${f.literal ?? `${f.method} ${f.path}`}`)
        .sort(),
    ).toEqual([
      'web/Chat.vue:10:24 handler response.output_text.delta',
      'web/Chat.vue:8:24 route POST /v1/responses',
      'web/Stream.svelte:4:12 handler response.completed',
    ]);
  });
});
