import { describe, expect, it } from 'vitest';
import { filesForWorker } from './read-in-worker.js';
import type { SourceFile } from './read.js';

const file = (name: string, chars: number, kind = name.endsWith('.md') ? 'openai-docs' : 'openapi') =>
  ({ info: { id: name, kind }, text: 'x'.repeat(chars) }) as unknown as SourceFile;
const SPEC = file('spec.yaml', 3_000_000);
const PAGES = [file('a.md', 45_000), file('b.md', 53_000), file('c.md', 24_000)];
const names = (files: SourceFile[]) => files.map((f) => f.info.id);

describe('filesForWorker', () => {
  it.each([
    ['the spec, and no page: pages parse here in milliseconds', [SPEC, ...PAGES], ['spec.yaml']],
    ['only the spec beside two pages', [SPEC, PAGES[0]!, PAGES[1]!], ['spec.yaml']],
    ['nothing without a large source', PAGES, []],
    ['only the spec when a catalog is among the rest', [SPEC, ...PAGES, file('events.json', 1000, 'catalog')], ['spec.yaml']],
    ['all large sources but the first when nothing else is left', [SPEC, file('other.yaml', 600_000)], ['other.yaml']],
    ['nothing for a single large source', [SPEC], []],
  ])('%s', (_name, misses, want) => {
    expect(names(filesForWorker(misses, true))).toEqual(want);
  });

  it('nothing where no worker can run', () => {
    expect(filesForWorker([SPEC, ...PAGES], false)).toEqual([]);
  });
});
