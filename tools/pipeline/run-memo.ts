/**
 * Whole-run memos for writing commands: when every input of a run — config text, sources,
 * templates, every module file of the workspace (not only the lanes': bindings follow imports to
 * barrels and `__init__.py` files outside them), mapping.json, the model file, the generated and
 * report folders — has the same bytes as right after the last successful run of the same command
 * by the same tool, that run's answer stands and nothing needs computing. The digest is taken
 * after the run's own writes, so the next run compares against the state it left.
 */
import { glob } from 'tinyglobby';
import { relative, resolve } from 'node:path';
import { isObject, readSlot, writeSlot } from '../cache/store.js';
import { projectCacheDir } from '../cache/settings.js';
import { recordTiming } from '../cache/timings.js';
import { FileHashes, Fingerprint, listFiles } from '../check/fingerprint.js';
import type { Config } from '../config/schema.js';
import { loadInputs } from './inputs.js';

/** Every file an analyzer could read as a module (file-role.ts's extensions), lanes or not. */
const MODULE_FILES = ['**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts,py,pyi}'];

export async function runDigest(command: string, config: Config, root: string, configText: string, cacheDir: string | undefined, invocation = ''): Promise<string> {
  const t0 = performance.now();
  const inputs = await loadInputs(config, root, { lanes: false });
  const workspace = resolve(root, config.workspace);
  // One walk for the lanes' files and every module file besides: a superset of what the run reads.
  const patterns = [...new Set([...config.lanes.flatMap((l) => l.include), ...MODULE_FILES])];
  const code = config.lanes.length ? (await glob(patterns, { cwd: workspace, ignore: ['**/node_modules/**'] })).map((f) => relative(root, resolve(workspace, f)).split('\\').join('/')) : [];
  const hashes = FileHashes.open(cacheDir, root);
  const fp = new Fingerprint(root, hashes).text('command', command).text('invocation', invocation).text('config', configText);
  fp.files(inputs.sourcePaths).files(inputs.templatePaths).files(code);
  fp.files(inputs.outputPaths).files(listFiles(root, config.report.outDir));
  fp.file(inputs.mappingPath).file(inputs.modelPath);
  const digest = fp.digest();
  hashes.save();
  recordTiming(`${command}: fingerprint of every input`, t0);
  return digest;
}

export interface RunMemo<T> {
  /** The stored answer when the inputs are those the last run left (fingerprints the inputs). */
  hit(): Promise<T | undefined>;
  /** Stores `answer` for the inputs as they are now (after the run's writes). */
  save(answer: T): Promise<void>;
}

/**
 * The memo of `command` (slot `<command>-state`); with `--no-cache` a memo that never hits or
 * stores. `invocation`: whatever else the printed answer depends on (where the command ran from).
 */
export async function openRunMemo<T>(command: string, config: Config, root: string, configText: string, isAnswer: (v: unknown) => v is T, invocation = ''): Promise<RunMemo<T>> {
  const cacheDir = projectCacheDir(config, root);
  if (!cacheDir) return { hit: async () => undefined, save: async () => {} };
  const slot = `${command}-state`;
  return {
    hit: async () => readSlot(cacheDir, slot, await runDigest(command, config, root, configText, cacheDir, invocation), isAnswer),
    save: async (answer) => writeSlot(cacheDir, slot, await runDigest(command, config, root, configText, cacheDir, invocation), answer),
  };
}

export { isObject };
