/**
 * The CLI asks a command's memo before loading the command, which opens the memo again to run: the
 * run starts from the fingerprint of that miss instead of taking a second one, but only when it
 * was asked exactly the same question (command, project, config, invocation).
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setCacheEnabled } from '../../tools/cache/settings.js';
import { loadConfig } from '../../tools/config/load.js';
import { openRunMemo } from '../../tools/pipeline/run-memo.js';
import { makeSmallProject } from './small-project.js';

let root: string;
beforeEach(() => {
  setCacheEnabled(true);
  root = makeSmallProject('specmap-memo-start-');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const isText = (v: unknown): v is string => typeof v === 'string';
async function memo(invocation = 'here') {
  const { config, text } = await loadConfig(undefined, root);
  return openRunMemo('test', config, root, text, isText, invocation);
}
const edit = () => writeFileSync(join(root, 'src/app.ts'), "export const t = 'response.created';\n");

describe('the start of a run after the memo missed', () => {
  it('is the miss: an edit made after it counts as made during the run, and nothing is stored', async () => {
    expect(await (await memo()).hit()).toBeUndefined();
    edit();
    const run = await memo();
    await run.begin();
    await run.save('answer', new Map());
    expect(await (await memo()).hit()).toBeUndefined();
  });

  it('is taken anew for another question (another invocation), and then stored', async () => {
    expect(await (await memo('elsewhere')).hit()).toBeUndefined();
    edit();
    const run = await memo();
    await run.begin();
    await run.save('answer', new Map());
    expect(await (await memo()).hit()).toBe('answer');
  });
});
