/**
 * A fingerprint of specmap's own running code: every module of the running tree (`dist/` when
 * built, `tools/` under tsx or vitest; the CLI's bundle alone when it runs from that) with its
 * grammars, the data folders beside it that shape what it computes (templates, API profiles,
 * schemas: whatever package.json ships), and package.json itself (which pins the parsers specmap
 * depends on). Every cache key includes it, so an upgrade, a rebuild with any change, or a
 * different dependency set invalidates every entry by itself: there is no version number to
 * forget to bump.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashFile } from '../io/hash-file.js';

/** What the tool runs or reads as its own code; type declarations, source maps and tests do not run. */
const CODE_FILE = /\.(?:[cm]?js|ts|wasm|json|hbs)$/;
const NOT_CODE = /\.(?:test\.ts|d\.ts|map)$/;

/**
 * Every entry under `root` (folders too), relative to it, as `readdirSync(root, { recursive: true })`
 * lists them: the same names, and a link to a folder listed through, as Node does (but not a link
 * back to a folder it is inside: a loop ends there). Walked here one folder at a time with the
 * entries' types, because Node 20's recursive listing of the built tool's 43 folders took ~20 ms in
 * a fresh process, against ~2 ms for this walk, and every run hashes the tool's code at its start.
 */
export function listTree(root: string): string[] {
  const out: string[] = [];
  /** Real paths of the folders being listed, outermost first: a link back to one of them is a loop. */
  const open: string[] = [];
  const walk = (rel: string, real: string): void => {
    if (open.includes(real)) return;
    open.push(real);
    for (const entry of readdirSync(rel ? join(root, rel) : root, { withFileTypes: true })) {
      const name = rel ? join(rel, entry.name) : entry.name;
      out.push(name);
      if (entry.isDirectory()) walk(name, join(real, entry.name));
      else if (entry.isSymbolicLink() && isFolder(join(root, name))) walk(name, realpathSync(join(root, name)));
    }
    open.pop();
  };
  walk('', realpathSync(root));
  return out;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The build's record of what it built (`dist/tool-identity.json`, see `toolIdentity`): written after
 * the code it describes, so it is not code itself.
 */
export const TOOL_IDENTITY_FILE = 'tool-identity.json';

/** Content hash of every code file under `root` (sorted, names included), plus the files in `extra`. */
function hashCodeTree(root: string, extra: readonly string[] = []): string {
  const hash = createHash('sha256');
  let names: string[];
  try {
    names = listTree(root)
      .filter((n) => CODE_FILE.test(n) && !NOT_CODE.test(n) && n !== TOOL_IDENTITY_FILE)
      .sort();
  } catch {
    names = [];
  }
  for (const name of names) {
    let digest: string;
    try {
      digest = hashFile(join(root, name));
    } catch {
      // A folder named like a file, or a file removed meanwhile: its name alone still counts.
      digest = '';
    }
    hash.update(name.split('\\').join('/')).update('\0').update(digest).update('\0');
  }
  for (const file of extra) {
    try {
      hash.update(hashFile(file));
    } catch {
      hash.update('missing');
    }
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}

let memo: string | undefined;
/** sha256 of the bundle the CLI runs from, when it does. */
let bundleDigest: string | undefined;

/**
 * The CLI runs from its bundle, whose bytes hash to `sha256` (its loader hashed them already, for
 * the code cache): the code that runs is that one file, not the ~340 modules beside it that it
 * was built from, which would otherwise be read and hashed at the start of every run (~50 ms in a
 * fresh process on a slow machine, a sixth of a warm `map`).
 */
export function runningFromBundle(sha256: string): void {
  bundleDigest = sha256;
  memo = undefined;
}

/** The running tool's code hash, computed once per process. */
export function toolCodeHash(): string {
  if (memo !== undefined) return memo;
  memo = codeHash(ownCodeRoot(), bundleDigest);
  return memo;
}

const ownCodeRoot = (): string => fileURLToPath(new URL('..', import.meta.url));

/** What the build records of the tool it built: its code hash run from the bundle, from its modules, and of the sources it was built from. */
interface RecordedIdentity {
  bundle: string;
  modules: string;
  sources: string;
}

/**
 * One value for one specmap, for what it writes into files a project keeps (the model file's
 * build record): the code hash of the sources it was built from, whether it runs from its bundle
 * (the CLI), its modules (the programmatic API) or those sources (tsx, vitest). Each of the three
 * hashes different files, and a file written by one and then by another must not change with it.
 * So the build records what its bundle and its modules hash to, and either takes the sources' hash
 * only while its own is the recorded one: code changed after the build is a tool of its own.
 */
export function toolIdentity(): string {
  const own = toolCodeHash();
  try {
    const recorded = JSON.parse(readFileSync(join(ownCodeRoot(), TOOL_IDENTITY_FILE), 'utf8')) as Partial<RecordedIdentity>;
    const running = bundleDigest === undefined ? recorded.modules : recorded.bundle;
    if (running === own && typeof recorded.sources === 'string') return recorded.sources;
  } catch {
    // Run from the sources (no record beside them), or a build without one: its own hash stands.
  }
  return own;
}

/**
 * The record `toolIdentity` reads, for the tool built into `codeRoot` from the sources in
 * `sourceRoot`, whose bundle's bytes hash to `bundleSha256`.
 */
export function identityRecord(codeRoot: string, sourceRoot: string, bundleSha256: string): string {
  const record: RecordedIdentity = { bundle: codeHash(codeRoot, bundleSha256), modules: codeHash(codeRoot), sources: codeHash(sourceRoot) };
  return JSON.stringify(record);
}

/**
 * The code hash of the tool built into `codeRoot` (`dist/`), with package.json and the data
 * folders in the folder above it: from every module under `codeRoot`, or, given the bundle's
 * sha256, from the bundle and the grammars it loads.
 */
export function codeHash(codeRoot: string, bundleSha256?: string): string {
  const packageRoot = join(codeRoot, '..');
  const packageJson = join(packageRoot, 'package.json');
  const parts =
    bundleSha256 === undefined
      ? [hashCodeTree(codeRoot, [packageJson])]
      : [`bundle:${bundleSha256}`, `grammars:${hashCodeTree(join(codeRoot, 'grammars'), [packageJson])}`];
  for (const folder of dataFolders(packageRoot)) parts.push(`${folder}:${hashCodeTree(join(packageRoot, folder))}`);
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32);
}

/** The folders package.json ships besides the code, and the ones the code reads data from even before they are listed. */
function dataFolders(packageRoot: string): string[] {
  let files: unknown = [];
  try {
    files = (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { files?: unknown }).files;
  } catch {
    // No package.json (an unusual layout): the known folders still count.
  }
  const listed = Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string' && !f.includes('*')) : [];
  return [...new Set([...listed, 'templates', 'profiles'])].filter((f) => f !== 'dist' && f !== 'tools' && !f.startsWith('.')).sort();
}
