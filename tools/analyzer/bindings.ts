/**
 * The workspace's module graph: a name used in a file resolves through that file's imports,
 * re-exports and aliases to the declaration it denotes, or to an external module (the way a
 * bundler or knip resolves modules, reduced to what the mapping needs). Python resolves absolute
 * imports against every ancestor folder of the importing file (a `src/` layout, a monorepo) and
 * relative ones by their dots; TypeScript resolves relative specifiers with the usual extensions
 * and `index` files, a bare one through the project's `paths` and its workspace packages
 * (ts-resolution.ts), and takes any other as an external package.
 *
 * A file the graph needs but has not seen (a barrel no prefilter picked) is recorded in `missing`;
 * the analyzer parses those and asks again.
 */
import { posix } from 'node:path';
import type { FactLanguage } from './file-role.js';
import { COMMONJS_EXPORT, type ModuleFacts } from './module-facts.js';
import type { TsResolution } from './ts-resolution.js';

export type Binding =
  | { kind: 'decl'; file: string; name: string }
  | { kind: 'external'; module: string; name: string }
  | { kind: 'module'; file: string }
  | { kind: 'external-module'; module: string };

export interface GraphModule {
  language: FactLanguage;
  facts: ModuleFacts;
}

const TS_EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

export class ModuleGraph {
  /** Workspace files a resolution needed but whose module facts were not given. */
  readonly missing = new Set<string>();
  private readonly moduleCache = new Map<string, ResolvedModule | undefined>();

  constructor(
    private readonly modules: ReadonlyMap<string, GraphModule>,
    /** Whether a workspace-relative file exists (and may be read). */
    private readonly exists: (file: string) => boolean,
    /** Where the project's build takes a bare TypeScript specifier (`paths`, workspace packages). */
    private readonly tsBare?: TsResolution,
  ) {}

  /** While set, an alias is where a name resolves to, not what the alias names. */
  private stopAtAliases = false;

  /**
   * The declaration `name` leads to where `file` uses it, stopping at a type alias: `type Params =
   * OpenAI.Responses.ResponseCreateParams` in another module is that module's declaration, which
   * its facts may describe, though the name it stands for is an external one.
   */
  resolveDeclaration(file: string, name: string): Binding | undefined {
    this.stopAtAliases = true;
    try {
      return this.resolveName(file, name);
    } finally {
      this.stopAtAliases = false;
    }
  }

  /** What `name` (possibly dotted: `ns.Foo`, `openai.types.Foo`) denotes where `file` uses it. */
  resolveName(file: string, name: string, seen: Set<string> = new Set()): Binding | undefined {
    const key = `${file}\0${name}`;
    if (seen.has(key)) return undefined;
    seen.add(key);
    const dot = name.indexOf('.');
    if (dot > 0) return this.member(this.resolveName(file, name.slice(0, dot), seen), name.slice(dot + 1), file, seen);
    const mod = this.modules.get(file);
    if (!mod) {
      this.missing.add(file);
      return undefined;
    }
    const alias = mod.facts.aliases.find(([local]) => local === name);
    if (alias) return (this.stopAtAliases ? undefined : this.resolveName(file, alias[1], seen)) ?? { kind: 'decl', file, name };
    // The first import of a name is the one that normally runs: `try: from sdk import X` before
    // its `except ImportError:` fallback.
    const imported = mod.facts.imports.find((i) => i.local === name);
    if (imported) {
      if (imported.name === '*') return this.moduleBinding(file, imported.module);
      return this.resolveExport(file, imported.module, imported.name, seen);
    }
    if (mod.facts.declared.includes(name)) return { kind: 'decl', file, name };
    // `from pkg import sub`: a package's submodule is one of its names, when nothing in its
    // `__init__.py` binds the name first (`from ..types.responses import create_params`).
    const sub = mod.language === 'python' && file.endsWith('__init__.py') ? this.submodule(file, name) : undefined;
    if (sub) return sub;
    // Module facts list only class-like declarations; a lower-case name neither imported nor
    // passed on by a star is this module's own (a schema constant), while an unknown capitalised
    // one is a global (`Error`) and ties to nothing.
    if (!/^[A-Z]/.test(name) && mod.facts.stars.length === 0) return { kind: 'decl', file, name };
    if (mod.language === 'python') {
      for (const star of mod.facts.stars) {
        const b = this.resolveExport(file, star, name, seen);
        if (b && b.kind !== 'external') return b;
      }
    }
    return undefined;
  }

  /** What module `spec`, imported from `file`, exports as `name`. */
  resolveExport(file: string, spec: string, name: string, seen: Set<string> = new Set()): Binding | undefined {
    const target = this.resolveModule(file, spec);
    // `from app.models import openai` where `app/models/` has no `__init__.py` (a namespace
    // package): the submodule, when the workspace holds it. Only a lower-case name can be one, by
    // convention; a class (`from pydantic import BaseModel`) is looked for no further.
    if (!target || 'external' in target) {
      const sub =
        file.endsWith('.py') && /^[a-z_]/.test(name)
          ? this.resolveModule(file, spec.endsWith('.') ? `${spec}${name}` : `${spec}.${name}`)
          : undefined;
      if (sub && 'file' in sub) return { kind: 'module', file: sub.file };
    }
    if (!target) return undefined;
    if ('external' in target) return { kind: 'external', module: target.external, name };
    return this.exported(target.file, name, seen);
  }

  /** Where a module specifier leads from `file`: a workspace file, or an external module. */
  resolveModule(file: string, spec: string): ResolvedModule | undefined {
    const key = `${posix.dirname(file)}\0${spec}`;
    if (this.moduleCache.has(key)) return this.moduleCache.get(key);
    const language = this.modules.get(file)?.language ?? (file.endsWith('.py') ? 'python' : 'typescript');
    const out = language === 'python' ? this.pythonModule(file, spec) : this.tsModule(file, spec);
    this.moduleCache.set(key, out);
    return out;
  }

  private moduleBinding(file: string, spec: string): Binding | undefined {
    const target = this.resolveModule(file, spec);
    if (!target) return undefined;
    if ('external' in target) return { kind: 'external-module', module: target.external };
    // `const router = require('./router')` of a module that sets `module.exports = router`: that name.
    const whole = this.modules.get(target.file)?.facts.exports.find((e) => e.name === COMMONJS_EXPORT);
    if (whole?.local !== undefined) return this.resolveName(target.file, whole.local);
    return { kind: 'module', file: target.file };
  }

  private member(head: Binding | undefined, rest: string, from: string, seen: Set<string>): Binding | undefined {
    if (!head) return undefined;
    const sep = from.endsWith('.py') ? '.' : '/';
    // A name imported from a package and then read through (`from openai.types import responses`
    // then `responses.ResponseCreatedEvent`; `import OpenAI from 'openai'` then
    // `OpenAI.Responses.ResponseCreatedEvent`) is one of its submodules or namespaces: the member
    // is the package's, under that path.
    if (head.kind === 'external')
      head = { kind: 'external-module', module: head.name === 'default' ? head.module : `${head.module}${sep}${head.name}` };
    if (head.kind === 'external-module') {
      const dot = rest.lastIndexOf('.');
      return dot < 0
        ? { kind: 'external', module: head.module, name: rest }
        : { kind: 'external', module: `${head.module}${sep}${rest.slice(0, dot).split('.').join(sep)}`, name: rest.slice(dot + 1) };
    }
    if (head.kind !== 'module') return undefined;
    const dot = rest.indexOf('.');
    if (dot < 0) return this.exported(head.file, rest, seen);
    return this.member(this.exported(head.file, rest.slice(0, dot), seen), rest.slice(dot + 1), head.file, seen);
  }

  /** A name as another module sees it from `file`: its exports, declarations, re-imports and stars. */
  private exported(file: string, name: string, seen: Set<string>): Binding | undefined {
    const mod = this.modules.get(file);
    if (!mod) {
      this.missing.add(file);
      return undefined;
    }
    const exp = mod.facts.exports.find((e) => e.name === name);
    if (exp?.module !== undefined) return this.resolveExport(file, exp.module, exp.imported ?? name, seen);
    if (exp?.local !== undefined) return this.resolveName(file, exp.local, seen);
    const local = this.resolveName(file, name, seen);
    if (local) return local;
    for (const star of mod.facts.stars) {
      const b = this.resolveExport(file, star, name, seen);
      if (b && b.kind !== 'external') return b;
      if (b && mod.language === 'typescript') return b;
    }
    return undefined;
  }

  /** The submodule `name` of the package whose `__init__.py` is `file`. */
  private submodule(file: string, name: string): Binding | undefined {
    const sub = this.resolveModule(file, `.${name}`);
    return sub && 'file' in sub ? { kind: 'module', file: sub.file } : undefined;
  }

  private pythonModule(file: string, spec: string): ResolvedModule | undefined {
    const dots = /^\.*/.exec(spec)![0].length;
    const parts = spec.slice(dots).split('.').filter(Boolean);
    const found = (dir: string): string | undefined => {
      const base = posix.join(dir, ...parts);
      if (parts.length > 0 && this.exists(`${base}.py`)) return `${base}.py`;
      const init = posix.join(base, '__init__.py');
      return this.exists(init) ? init : undefined;
    };
    if (dots > 0) {
      let dir = posix.dirname(file);
      for (let i = 1; i < dots; i++) dir = posix.dirname(dir);
      const hit = found(dir === '.' ? '' : dir);
      return hit ? { file: hit } : undefined;
    }
    // An absolute import: the folders Python would search are the importing file's ancestors (a
    // package root, a `src/` layout, a monorepo member); none holding it makes it external.
    for (let dir = posix.dirname(file); ; dir = posix.dirname(dir)) {
      const hit = found(dir === '.' ? '' : dir);
      if (hit) return { file: hit };
      if (dir === '.' || dir === '/' || dir === '') break;
    }
    return { external: spec };
  }

  private tsModule(file: string, spec: string): ResolvedModule | undefined {
    if (!spec.startsWith('.') && !spec.startsWith('/')) {
      // An alias or a package of the workspace, when the project's build would find it here.
      for (const stem of this.tsBare?.stems(file, spec) ?? []) {
        const hit = this.tsFile(stem);
        if (hit) return { file: hit };
      }
      return { external: spec };
    }
    const base = posix.normalize(posix.join(posix.dirname(file), spec));
    if (base.startsWith('..')) return undefined;
    const hit = this.tsFile(base);
    return hit ? { file: hit } : undefined;
  }

  /** The file a TypeScript module path names: as written with a script extension, with one added, or a folder's `index`. */
  private tsFile(base: string): string | undefined {
    const stem = base.replace(/\.(m|c)?jsx?$/, '');
    const tries = [base, ...TS_EXTENSIONS.map((e) => stem + e), ...TS_EXTENSIONS.map((e) => posix.join(base, `index${e}`))];
    for (const t of tries) if (t !== base || /\.(m|c)?[jt]sx?$/.test(t)) if (this.exists(t)) return t;
    return undefined;
  }
}

export type ResolvedModule = { file: string } | { external: string };

/** `openai.types.responses` → `openai`; `openai/resources/x` → `openai`; `@scope/pkg/x` → `@scope/pkg`. */
export function packageOf(module: string): string {
  if (module.includes('/')) {
    const parts = module.split('/');
    return module.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  }
  return module.split('.')[0]!;
}
