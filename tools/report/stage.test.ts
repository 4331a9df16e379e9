import { describe, expect, it } from 'vitest';
import type { Model, SourceInfo } from '../model/schema.js';
import { linkedSectionsOf } from './stage.js';

const page = (id: string, linkedSections?: SourceInfo['linkedSections']): SourceInfo => ({
  id,
  kind: 'openai-docs',
  path: `docs/${id}`,
  sha256: '0'.repeat(64),
  ...(linkedSections ? { linkedSections } : {}),
});

describe('linkedSectionsOf', () => {
  it('reads the sections from the model, keeping the first page that links each one', () => {
    const model = {
      sources: [
        page('a.md', [{ title: 'A', slug: 'a', group: 'g' }]),
        page('b.md'),
        page('c.md', [
          { title: 'A again', slug: 'a', group: 'h' },
          { title: 'B', slug: 'b', group: 'h' },
        ]),
      ],
    } as unknown as Model;
    expect(linkedSectionsOf(model)).toEqual([
      { title: 'A', slug: 'a', group: 'g' },
      { title: 'B', slug: 'b', group: 'h' },
    ]);
  });
});
