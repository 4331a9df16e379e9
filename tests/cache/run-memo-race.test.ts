/**
 * A run's memo is stored for the files as the run left them only when nothing but the run's own
 * writes changed since it started: an edit made while it ran (after it read that file) must not
 * be remembered as answered.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setCacheEnabled } from '../../tools/cache/settings.js';
import { loadConfig } from '../../tools/config/load.js';
import { openRunMemo } from '../../tools/pipeline/run-memo.js';
import { sha256 } from '../../tools/sources/read.js';
import { makeSmallProject } from './small-project.js';

let root: string;
beforeEach(() => {
  setCacheEnabled(true);
  root = makeSmallProject('specmap-memo-race-');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const isText = (v: unknown): v is string => typeof v === 'string';
const slot = () => join(root, '.specmap/cache/test-state.json');

async function memo() {
  const { config, text } = await loadConfig(undefined, root);
  return openRunMemo('test', config, root, text, isText);
}

describe('saving a run memo', () => {
  it('stores it when only the files the run wrote changed, with the bytes it wrote', async () => {
    const m = await memo();
    expect(await m.hit()).toBeUndefined();
    writeFileSync(join(root, 'mapping.json'), '{}\n');
    await m.save('answer', new Map([['mapping.json', sha256('{}\n')]]));
    expect(await (await memo()).hit()).toBe('answer');
  });

  it.each([
    [
      'an input edited meanwhile',
      () => writeFileSync(join(root, 'src/app.ts'), "export const t = 'response.created';\n"),
      new Map<string, string>(),
    ],
    [
      'an output the run wrote, edited again after',
      () => writeFileSync(join(root, 'mapping.json'), '{"edited":true}\n'),
      new Map([['mapping.json', sha256('{}\n')]]),
    ],
    ['a new module file', () => writeFileSync(join(root, 'src/new.ts'), 'export {};\n'), new Map<string, string>()],
    // No run deletes an input: one gone meanwhile was deleted by someone else.
    ['an input deleted meanwhile', () => rmSync(join(root, 'src/app.ts')), new Map<string, string>()],
  ])('does not store it for %s', async (_name, change, written) => {
    const m = await memo();
    await m.begin();
    change();
    await m.save('answer', written);
    expect(existsSync(slot())).toBe(false);
  });
});
