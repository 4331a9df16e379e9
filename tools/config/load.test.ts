import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../diagnostics/errors.js';
import { loadConfig, parseConfigText } from './load.js';
import { allowedKeys } from './parse.js';

async function problems(text: string): Promise<string[]> {
  try {
    await parseConfigText(text, 'c.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`);
  }
  return [];
}

describe('parseConfigText', () => {
  const cases: [string, { given: string; want: string[] }][] = [
    ['valid', { given: '{"sources": [{"path": "a.md"}]}', want: [] }],
    [
      'unknown top-level key, at the key',
      {
        given: '{\n  "sources": [{"path": "a.md"}],\n  "colour": 1\n}',
        want: [
          '3:3 Unexpected key `colour`, expected one of `$schema`, `sources`, `model`, `cacheDir`, `categories`, `correlationKeys`, `generate`, `workspace`, `lanes`, `status`, `unknownLiterals`, `mapping`, `report`, `check`, `verify`, `implementations`',
        ],
      },
    ],
    [
      'unknown nested key',
      {
        given: '{"sources": [{"path": "a.md", "pth": 1}]}',
        want: ['1:31 Unexpected key `pth` at `sources[0]`, expected one of `path`, `kind`, `pathPrefix`, `group`, `apis`'],
      },
    ],
    [
      'two unknown keys, one diagnostic each',
      {
        given: '{"sources": [{"path": "a.md"}],\n"a": 1,\n"b": 2}',
        want: [
          '2:1 Unexpected key `a`, expected one of `$schema`, `sources`, `model`, `cacheDir`, `categories`, `correlationKeys`, `generate`, `workspace`, `lanes`, `status`, `unknownLiterals`, `mapping`, `report`, `check`, `verify`, `implementations`',
          '3:1 Unexpected key `b`, expected one of `$schema`, `sources`, `model`, `cacheDir`, `categories`, `correlationKeys`, `generate`, `workspace`, `lanes`, `status`, `unknownLiterals`, `mapping`, `report`, `check`, `verify`, `implementations`',
        ],
      },
    ],
    [
      'wrong type, at the value',
      { given: '{"sources": [{"path": "a.md"}], "model": 3}', want: ['1:42 Found number `3` at `model`, expected string'] },
    ],
    [
      'not one of the values',
      {
        given: '{"sources": [{"path": "a.md", "kind": "yaml"}]}',
        want: ['1:39 Found string `yaml` at `sources[0].kind`, expected one of `openai-docs`, `openapi`, `catalog`'],
      },
    ],
    ['missing sources', { given: '{}', want: ['1:1 Found nothing at `sources`, expected array'] }],
  ];
  it.each(cases)('%s', async (_name, { given, want }) => {
    expect(await problems(given)).toEqual(want);
  });

  it('invalid JSON: the position of the syntax error', async () => {
    expect(await problems('{\n  "sources": [}\n}')).toEqual(['2:15 Found `}`, expected a value (the config is not valid JSON)']);
    expect(await problems('{"sources": [],}')).toEqual(['1:16 Found `}`, expected a member name in `"` (the config is not valid JSON)']);
  });

  it('applies the defaults in one place', async () => {
    const config = await parseConfigText('{"sources": [{"path": "a.md"}]}', 'c.json');
    expect(config).toMatchObject({
      model: 'spec/model.json',
      workspace: '.',
      lanes: [],
      correlationKeys: [],
      generate: { outDir: 'generated' },
    });
    expect(config.categories).toBeUndefined();
  });
});

describe('allowedKeys', () => {
  const cases: [string, (string | number)[], string[]][] = [
    [
      'top level',
      [],
      [
        '$schema',
        'sources',
        'model',
        'cacheDir',
        'categories',
        'correlationKeys',
        'generate',
        'workspace',
        'lanes',
        'status',
        'unknownLiterals',
        'mapping',
        'report',
        'check',
        'verify',
        'implementations',
      ],
    ],
    ['array element', ['sources', 0], ['path', 'kind', 'pathPrefix', 'group', 'apis']],
    ['through a default', ['report'], ['outDir', 'formats']],
    ['a leaf', ['model'], []],
    ['no such path', ['nope', 'deeper'], []],
  ];
  it.each(cases)('%s', (_name, path, want) => {
    expect(allowedKeys(path)).toEqual(want);
  });
});

describe('loadConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'specmap-config-'));
  writeFileSync(join(dir, 'specmap.config.json'), '{"sources": [{"path": "a.md"}]}');
  writeFileSync(join(dir, 'other.json'), '{"sources": [{"path": "b.md"}], "model": "m.json"}');

  it('reads the default file and resolves the root to its folder', async () => {
    const loaded = await loadConfig(undefined, dir);
    expect(loaded.root).toBe(dir);
    expect(loaded.config.sources).toEqual([{ path: 'a.md' }]);
  });

  it('reads another file', async () => {
    expect((await loadConfig('other.json', dir)).config.model).toBe('m.json');
  });

  it.each([
    ['the default file', join('sub', 'specmap.config.json'), 'run `specmap init` to write one, or pass --config <file>'],
    ['another file', 'missing.json', 'check the --config path'],
  ])('a missing %s is a config error with a hint', async (_name, path, hint) => {
    const error = await loadConfig(path, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).diagnostics).toEqual([expect.objectContaining({ code: 'config-missing', line: 1, column: 1, hint })]);
  });
});
