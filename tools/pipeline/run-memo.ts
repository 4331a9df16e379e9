/**
 * Whole-run memos for writing commands: when every input of a run — config text, sources,
 * templates, every module file of the workspace (not only the lanes': bindings follow imports to
 * barrels and `__init__.py` files outside them), mapping.json, the model file, the generated and
 * report folders — has the same bytes as right after the last successful run of the same command
 * by the same tool, that run's answer stands and nothing needs computing. The digest is taken
 * after the run's own writes, so the next run compares against the state it left; it is stored
 * only when every file that differs from the start of the run is one the run wrote, with the
 * bytes it wrote (an edit made while the run read its inputs is never taken as answered).
 */
import { relative, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { isObject, readSlot, slotPath, writeSlot } from '../cache/store.js';
import { projectCacheDir } from '../cache/settings.js';
import { recordTiming } from '../cache/timings.js';
import { FileHashes, Fingerprint, listFiles, STAMP } from './fingerprint.js';
import type { Config } from '../config/schema.js';
import { loadInputs } from './inputs.js';
import { isPlainPath, normalPosix } from '../io/plain-path.js';
import type { StatAt } from '../io/read-hashes.js';
import { WalkCache } from '../cache/walk-cache.js';

/**
 * Every file an analyzer could read as a module (file-role.ts's extensions), lanes or not, and the
 * files that say where a TypeScript import leads (ts-resolution.ts).
 */
const MODULE_FILES = ['**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts,py,pyi}', '**/package.json', '**/{ts,js}config*.json'];

/**
 * A path under `workspace` (as a glob walk returns it) → its label: relative to `root`, with `/`.
 * The workspace's own path from the root is joined to each plain path, the same label as
 * resolving and relativising every file without normalising each whole path again; any other
 * path (`.` or `..` segments, a backslash) takes the long way.
 */
export function workspaceLabel(root: string, workspace: string): (path: string) => string {
  const base = relative(root, workspace).split('\\').join('/');
  return (path) => (!isPlainPath(path) ? relative(root, resolve(workspace, path)).split('\\').join('/') : base ? `${base}/${path}` : path);
}

async function runFingerprint(
  command: string,
  config: Config,
  root: string,
  configText: string,
  cacheDir: string | undefined,
  invocation = '',
  stampsOnly = false,
  when = 'at the start',
): Promise<Fingerprint> {
  const t0 = performance.now();
  const inputs = await loadInputs(config, root, { lanes: false });
  const workspace = resolve(root, config.workspace);
  // One walk for the lanes' files and every module file besides: a superset of what the run reads.
  const patterns = [...new Set([...config.lanes.flatMap((l) => l.include), ...MODULE_FILES])];
  // Answered from the folders' stats when none changed since the last run (cache/walk-cache.ts).
  const walks = WalkCache.open(cacheDir, 'memo-walk');
  const walk = config.lanes.length
    ? walks.walk({ cwd: workspace, patterns, ignore: ['**/node_modules/**'], expandDirectories: true })
    : undefined;
  const code = walk ? walk.files.map(workspaceLabel(root, workspace)) : [];
  walks.save();
  const hashes = FileHashes.open(cacheDir, root);
  const fp = new Fingerprint(root, hashes, stampsOnly).text('command', command).text('invocation', invocation).text('config', configText);
  fp.files(inputs.sourcePaths).files(inputs.templatePaths).files(code);
  fp.files(inputs.outputPaths).files(listFiles(root, config.report.outDir));
  fp.file(inputs.mappingPath).file(inputs.modelPath);
  hashes.save();
  const listed = walk?.remembered ? "listed from the folders' stats" : 'walked';
  recordTiming(
    `${command}: fingerprint of every input ${when}`,
    t0,
    `${code.length} code ${code.length === 1 ? 'file' : 'files'}, ${listed}`,
  );
  return fp;
}

const labelOf = (entry: string): string => entry.slice(0, entry.indexOf('\u0000'));

/** Label (a path, normalised: `./a` and `a` are one file) → hash (or stamp) of a fingerprint's entries. */
const entryMap = (fp: Fingerprint): Map<string, string> =>
  new Map(fp.entries().map((e) => [normalPosix(labelOf(e)), e.slice(e.indexOf('\u0000') + 1)]));

/** Label → the stat stamp its file had when `fp` hashed it. */
const stampMap = (fp: Fingerprint): Map<string, string | undefined> =>
  new Map(fp.entries().map((e) => [normalPosix(labelOf(e)), fp.stampOf(labelOf(e))]));

export interface RunMemo<T> {
  /** The stored answer when the inputs are those the last run left (fingerprints the inputs). */
  hit(): Promise<T | undefined>;
  /** Fingerprints the inputs as the run starts, when `hit` was not asked. */
  begin(): Promise<void>;
  /**
   * Stores `answer` for the files as they are now, given what the run wrote (path relative to the
   * config folder → sha256 of the bytes written); nothing when anything else changed meanwhile.
   */
  save(answer: T, written: ReadonlyMap<string, string>): Promise<void>;
  /**
   * The stat each file had when the run's start looked at it, by absolute path (none before `hit`
   * or `begin`, or for a file it did not look at): the analyzer lists and reads the same files
   * moments later, and need not stat them again. A file written since is one the start saw as it
   * was; `save` then finds it changed and stores nothing.
   */
  startStats(): StatAt | undefined;
}

/** The fingerprint of this process's last memo that did not answer, and for what it was asked. */
let missed: { asked: string; fingerprint: Fingerprint } | undefined;

/**
 * The memo of `command` (slot `<command>-state`); with `--no-cache` a memo that never hits or
 * stores. `invocation`: whatever else the printed answer depends on (where the command ran from).
 */
export async function openRunMemo<T>(
  command: string,
  config: Config,
  root: string,
  configText: string,
  isAnswer: (v: unknown) => v is T,
  invocation = '',
  options: { writesNothing?: boolean } = {},
): Promise<RunMemo<T>> {
  const cacheDir = projectCacheDir(config, root);
  if (!cacheDir) return { hit: async () => undefined, begin: async () => {}, save: async () => {}, startStats: () => undefined };
  const slot = `${command}-state`;
  let before: Fingerprint | undefined;
  // Timed apart: a run with no memo yet only stats its inputs at the start, and hashes them after its writes.
  const fingerprint = (stampsOnly = false, when = 'at the start') =>
    runFingerprint(command, config, root, configText, cacheDir, invocation, stampsOnly, when);
  // With no memo stored, nothing can answer this run: its start need only tell later whether a file
  // was written meanwhile, which a stat stamp does without reading a file the hash table does not
  // know. The closing fingerprint then takes the hashes of what the run read itself
  // (io/read-hashes.ts) and reads the rest.
  const start = () => fingerprint(!existsSync(slotPath(cacheDir, slot)));
  const asked = JSON.stringify([command, root, configText, cacheDir, invocation, config]);
  return {
    hit: async () => {
      before = await start();
      const answer = before.complete ? readSlot(cacheDir, slot, before.digest(), isAnswer) : undefined;
      missed = answer === undefined ? { asked, fingerprint: before } : undefined;
      return answer;
    },
    begin: async () => {
      // The CLI asks the memo before it loads the command, which then opens the memo again to run:
      // the fingerprint of that miss, moments ago in this process, serves as the run's start. An
      // earlier start only makes `save` stricter (a change in between is a change during the run).
      if (!before && missed?.asked === asked) before = missed.fingerprint;
      missed = undefined;
      before ??= await start();
    },
    save: async (answer, written) => {
      if (!before) return;
      // A run that writes nothing answers for the inputs as its start hashed them.
      if (options.writesNothing && before.complete && written.size === 0) {
        writeSlot(cacheDir, slot, before.digest(), answer);
        return;
      }
      const after = await fingerprint(false, 'after the writes');
      const was = entryMap(before);
      const now = entryMap(after);
      const nowStamps = stampMap(after);
      const wrote = new Map([...written].map(([path, hash]) => [normalPosix(path), hash]));
      for (const label of new Set([...was.keys(), ...now.keys()])) {
        const atStart = was.get(label);
        // A stamp from the start says "not written since" when the file's stat is still that stamp.
        const same = atStart !== undefined && (atStart.startsWith(STAMP) ? atStart === nowStamps.get(label) : atStart === now.get(label));
        if (same) continue;
        // Changed since the start: only as the run wrote it. A file gone since is none the run
        // wrote (no run deletes an input), so the answer may hold it.
        const end = now.get(label);
        if (end === undefined || wrote.get(label) !== end) return;
      }
      writeSlot(cacheDir, slot, after.digest(), answer);
    },
    startStats: () => {
      const start = before;
      return start && ((abs) => start.statAt(abs));
    },
  };
}

export { isObject };
