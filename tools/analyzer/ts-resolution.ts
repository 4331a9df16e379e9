/**
 * Where a bare TypeScript import specifier leads inside the workspace, as the project's own build
 * resolves it: a `paths` alias or `baseUrl` of the nearest `tsconfig.json` or `jsconfig.json` (and the configs it
 * extends), or a package of the workspace by its `package.json` name (`@scope/utils`, a monorepo's
 * member). A package's entry and subpaths are read from its sources (`src/index.ts`, `src/sub`)
 * before the built files its manifest names, which a checkout does not hold; a `dist/` or `build/`
 * path in the manifest is tried under `src/` too.
 *
 * The answers are candidate stems (workspace-relative, no extension), tried by the module graph as
 * a relative import is; none existing leaves the specifier external. The files read here
 * (`package.json`, `tsconfig*.json`, `jsconfig*.json`) are in the run memo's fingerprint, so editing one re-runs the
 * mapping.
 */
import { posix } from 'node:path';

export interface TsResolution {
  /** Candidate stems for `spec` imported from `file`, in the order they are tried. */
  stems(file: string, spec: string): string[];
}

interface Manifest {
  dir: string;
  name: string;
  fields: Record<string, unknown>;
}

interface PathsConfig {
  /** Folder that `paths` targets are relative to. */
  base: string;
  paths: [pattern: string, targets: string[]][];
  /** `baseUrl`, workspace-relative, when the config sets one. */
  baseUrl?: string;
}

/** Manifest fields that name a package's entry, most likely to be a source first. */
const ENTRY_FIELDS = ['source', 'types', 'typings', 'module', 'main'];

export function tsResolution(
  read: (file: string) => string | undefined,
  exists: (file: string) => boolean,
  /** Every workspace file: the packages are the manifests in their folders and above. */
  files: Iterable<string>,
): TsResolution {
  let packages: Map<string, Manifest> | undefined;
  const byName = (): Map<string, Manifest> => {
    if (packages) return packages;
    packages = new Map();
    const seen = new Set<string>();
    for (const file of files)
      for (let dir = posix.dirname(file); !seen.has(dir); dir = posix.dirname(dir)) {
        seen.add(dir);
        const manifest = dir === '.' ? 'package.json' : `${dir}/package.json`;
        const json = exists(manifest) ? parseJsonc(read(manifest)) : undefined;
        if (isRecord(json) && typeof json.name === 'string' && !packages.has(json.name))
          packages.set(json.name, { dir: dir === '.' ? '' : dir, name: json.name, fields: json });
        if (dir === '.') break;
      }
    return packages;
  };

  const configs = new Map<string, PathsConfig[]>();
  /**
   * The `paths` and `baseUrl` in force in folder `dir`: its nearest `tsconfig.json`'s, with those of
   * the configs it references (`tsconfig.web.json` and `tsconfig.node.json` of an Electron or Vite
   * project, whose root config only lists them).
   */
  const configFor = (dir: string): PathsConfig[] => {
    const known = configs.get(dir);
    if (known) return known;
    // A JavaScript project says the same in a `jsconfig.json`.
    const names = ['tsconfig.json', 'jsconfig.json'].map((n) => (dir === '.' ? n : `${dir}/${n}`));
    const file = names.find((f) => exists(f));
    let found: PathsConfig[];
    if (file) {
      const json = parseJsonc(read(file));
      const refs = isRecord(json) && Array.isArray(json.references) ? json.references : [];
      found = [file, ...refs.flatMap((r) => (isRecord(r) && typeof r.path === 'string' ? [referenced(dir, r.path)] : []))]
        .filter((f) => exists(f))
        .flatMap((f) => readConfig(f, 0) ?? []);
    } else found = dir === '.' ? [] : configFor(posix.dirname(dir));
    configs.set(dir, found);
    return found;
  };
  const readConfig = (file: string, depth: number): PathsConfig | undefined => {
    const json = parseJsonc(read(file));
    if (!isRecord(json) || depth > 4) return undefined;
    const dir = posix.dirname(file) === '.' ? '' : posix.dirname(file);
    // What it extends first, then its own options over them.
    let inherited: PathsConfig | undefined;
    for (const ext of typeof json.extends === 'string' ? [json.extends] : Array.isArray(json.extends) ? json.extends : []) {
      if (typeof ext !== 'string' || !ext.startsWith('.')) continue;
      const target = posix.normalize(posix.join(dir, ext.endsWith('.json') ? ext : `${ext}.json`));
      if (!target.startsWith('..') && exists(target)) inherited = readConfig(target, depth + 1) ?? inherited;
    }
    const options = isRecord(json.compilerOptions) ? json.compilerOptions : {};
    const baseUrl = typeof options.baseUrl === 'string' ? posix.normalize(posix.join(dir, options.baseUrl)) : inherited?.baseUrl;
    const paths = isRecord(options.paths)
      ? Object.entries(options.paths).map(([p, t]): [string, string[]] => [
          p,
          Array.isArray(t) ? t.filter((x) => typeof x === 'string') : [],
        ])
      : undefined;
    if (!paths)
      return inherited || baseUrl !== undefined
        ? { ...(inherited ?? { base: dir, paths: [] }), ...(baseUrl !== undefined ? { baseUrl } : {}) }
        : undefined;
    // `paths` targets are relative to `baseUrl` when one is set, else to the config that declares them.
    return { base: baseUrl ?? dir, paths, ...(baseUrl !== undefined ? { baseUrl } : {}) };
  };

  return {
    stems(file, spec) {
      const out: string[] = [];
      for (const config of configFor(posix.dirname(file))) {
        for (const [pattern, targets] of config.paths) {
          const star = pattern.indexOf('*');
          let filled: string | undefined;
          if (star < 0) filled = pattern === spec ? '' : undefined;
          else {
            const head = pattern.slice(0, star);
            const tail = pattern.slice(star + 1);
            if (spec.startsWith(head) && spec.endsWith(tail) && spec.length >= head.length + tail.length)
              filled = spec.slice(head.length, spec.length - tail.length);
          }
          if (filled === undefined) continue;
          for (const t of targets) out.push(posix.normalize(posix.join(config.base, t.replace('*', filled))));
        }
        if (config.baseUrl !== undefined) out.push(posix.normalize(posix.join(config.baseUrl, spec)));
      }
      const names = byName();
      // `@scope/pkg/sub`: the longest package name that is a prefix of it.
      const parts = spec.split('/');
      for (let n = parts.length; n >= 1; n--) {
        const pkg = names.get(parts.slice(0, n).join('/'));
        if (!pkg) continue;
        const sub = parts.slice(n).join('/');
        out.push(...packageStems(pkg, sub));
        break;
      }
      return out.map((s) => s.replace(/^\.\//, '')).filter((s) => !s.startsWith('..'));
    },
  };
}

/** A project reference's config: `./tsconfig.web.json`, or a folder holding a `tsconfig.json`. */
function referenced(dir: string, path: string): string {
  const target = posix.normalize(posix.join(dir === '.' ? '' : dir, path));
  return target.endsWith('.json') ? target : posix.join(target, 'tsconfig.json');
}

/** Where a workspace package's entry (`sub` empty) or subpath lives, sources first. */
function packageStems(pkg: Manifest, sub: string): string[] {
  const at = (p: string): string => posix.normalize(posix.join(pkg.dir, p));
  const named: string[] = [];
  const exportsField = pkg.fields.exports;
  const exported = isRecord(exportsField) ? exportsField[sub ? `./${sub}` : '.'] : sub ? undefined : exportsField;
  for (const target of exportTargets(exported)) named.push(target);
  if (!sub) for (const f of ENTRY_FIELDS) if (typeof pkg.fields[f] === 'string') named.push(pkg.fields[f] as string);
  const sources = named.flatMap((p) => {
    const stem = p.replace(/(\.d)?\.(m|c)?[jt]sx?$/, '');
    // A built file's source: `dist/index.js` → `src/index`.
    const built = /^(?:\.\/)?(?:dist|build|lib|out)\/(.*)$/.exec(stem);
    return built ? [`src/${built[1]}`, stem] : [stem];
  });
  const plain = sub ? [`src/${sub}`, sub] : ['src/index', 'index'];
  return [...new Set([...plain, ...sources])].map(at);
}

/** The file paths an `exports` entry names (a string, or conditions holding strings, nested). */
function exportTargets(entry: unknown, depth = 0): string[] {
  if (typeof entry === 'string') return [entry];
  if (!isRecord(entry) || depth > 3) return [];
  return Object.values(entry).flatMap((v) => exportTargets(v, depth + 1));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** JSON with comments and trailing commas, as `tsconfig.json` allows; undefined when it is not even that. */
export function parseJsonc(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === ',' && /[}\]]/.test(text[significant(text, i + 1)] ?? '')) {
      // A trailing comma: dropped.
    } else out += c;
  }
  try {
    return JSON.parse(out);
  } catch {
    return undefined;
  }
}

/** The index of the next character of `text` from `i` that is neither blank nor in a comment. */
function significant(text: string, i: number): number {
  while (i < text.length) {
    if (/\s/.test(text[i]!)) i++;
    else if (text.startsWith('//', i)) i = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i);
    else if (text.startsWith('/*', i)) i = text.indexOf('*/', i + 2) < 0 ? text.length : text.indexOf('*/', i + 2) + 2;
    else break;
  }
  return i;
}
