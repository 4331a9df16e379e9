import { describe, expect, it } from 'vitest';
import { buildProducts, missingEntries, withEntries } from './gitignore.js';

const PRODUCTS = buildProducts({ model: 'spec/model.json', outDir: 'generated', reportDir: './reports/', cacheDir: '.specmap/cache' });

describe('gitignore', () => {
  it('lists the build products, the cache by its top folder', () => {
    expect(PRODUCTS).toEqual(['spec/model.json', 'generated/', 'reports/', '.specmap/']);
  });

  it.each<[string, string, string[]]>([
    ['an empty file', '', ['spec/model.json', 'generated/', 'reports/', '.specmap/']],
    [
      'entries with a leading slash or without the trailing one count',
      '/generated\nreports/\n# .specmap/\n',
      ['spec/model.json', '.specmap/'],
    ],
    ['all there', 'spec/model.json\ngenerated/\nreports/\n.specmap/\n', []],
  ])('missing from %s', (_name, existing, want) => {
    expect(missingEntries(existing, PRODUCTS)).toEqual(want);
  });

  it.each<[string, string, string]>([
    ['no file', '', '# specmap build products (`specmap sync` writes them; mapping.json is committed)\ngenerated/\n'],
    [
      'a file without a final newline',
      'node_modules',
      'node_modules\n\n# specmap build products (`specmap sync` writes them; mapping.json is committed)\ngenerated/\n',
    ],
  ])('appends to %s', (_name, existing, want) => {
    expect(withEntries(existing, ['generated/'])).toBe(want);
  });

  it('leaves the file alone when nothing is missing', () => {
    expect(withEntries('x\n', [])).toBe('x\n');
  });
});
