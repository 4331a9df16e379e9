/**
 * `specmap init`: looks at the repository (languages, frameworks, tests, traces, reference pages)
 * and proposes a config whose lanes match real files, the generate targets for the languages
 * present, and .gitignore entries for the build products (DESIGN.md "Commands"). `planInit`
 * decides and writes nothing; `applyInit` writes. It never overwrites a config: that file holds a
 * human's choices.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONFIG_FILE } from '../config/load.js';
import { UsageError } from '../diagnostics/errors.js';
import { buildProducts, missingEntries, withEntries } from '../init/gitignore.js';
import { frameworkLanguage, frameworkTitle } from '../init/frameworks.js';
import { proposalConfig, proposeConfig, type Proposal } from '../init/propose.js';
import { scanRepository } from '../init/scan.js';
import { toJsonText } from '../io/json.js';
import { applyPlan, planWrites, type OutputFile } from '../io/write-plan.js';

export interface InitOptions {
  config?: string;
  /** Source paths or globs; the `DOC_*.md` pages and `openapi*.yaml` found (two folders deep) when omitted. */
  source?: string[];
  cwd?: string;
}

export interface InitPlan {
  /** The config file as given (relative to cwd, or the default name). */
  configFile: string;
  /** The folder of the config file: the project root. */
  root: string;
  found: {
    python: number;
    typescript: number;
    tests: number;
    traces: number;
    frameworks: { id: string; title: string; language: 'python' | 'typescript'; file: string }[];
  };
  proposal: Proposal;
  /** Per proposed lane, how many files its globs match now. */
  laneFiles: Record<string, number>;
  /** .gitignore lines to add (empty: it has them all). */
  gitignore: string[];
  files: OutputFile[];
  next: string;
}

/** Where editors find the config schema: the one this package ships. */
const SCHEMA_FILE = fileURLToPath(new URL('../../schema/config.schema.json', import.meta.url));

const toPosix = (p: string): string => p.split('\\').join('/');

/** A config with exactly these sources and nothing else (the programmatic starter). */
export function starterConfig(sources: readonly string[], schemaRef: string): string {
  return toJsonText({ $schema: schemaRef, sources: sources.map((path) => ({ path })), model: 'spec/model.json' });
}

function readOr(path: string, fallback: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
}

async function countLaneFiles(root: string, proposal: Proposal): Promise<Record<string, number>> {
  const { glob } = await import('tinyglobby');
  const { IGNORED_FOLDERS } = await import('../init/scan.js');
  const out: Record<string, number> = {};
  for (const lane of proposal.lanes) {
    const files = await glob(lane.include, { cwd: root, ignore: [...(lane.exclude ?? []), ...IGNORED_FOLDERS.map((f) => `**/${f}/**`)] });
    out[lane.name] = files.length;
  }
  return out;
}

export async function planInit(opts: InitOptions = {}): Promise<InitPlan> {
  const cwd = opts.cwd ?? process.cwd();
  const configFile = opts.config ?? DEFAULT_CONFIG_FILE;
  const path = resolve(cwd, configFile);
  if (existsSync(path)) {
    throw new UsageError(`${configFile} exists`, [
      {
        severity: 'error',
        code: 'config-exists',
        file: configFile,
        line: 1,
        column: 1,
        message: `Found an existing config \`${configFile}\`, expected no file there: init never overwrites a config`,
        hint: 'edit the file, or pass --config <new-file> to write a starter config elsewhere',
      },
    ]);
  }
  const root = dirname(path);
  const scan = await scanRepository(root);
  const proposal = proposeConfig(scan, opts.source);
  const schemaRef = toPosix(relative(root, SCHEMA_FILE));
  const config = proposalConfig(proposal, schemaRef.startsWith('.') ? schemaRef : `./${schemaRef}`);
  const configRel = toPosix(relative(root, path));
  const files: OutputFile[] = [{ path: configRel, content: toJsonText(config), producedBy: 'specmap init' }];
  const ignorePath = resolve(root, '.gitignore');
  const existingIgnore = readOr(ignorePath, '');
  const gitignore = missingEntries(
    existingIgnore,
    buildProducts({ model: 'spec/model.json', outDir: 'generated', reportDir: 'reports', cacheDir: '.specmap/cache' }),
  );
  if (gitignore.length) files.push({ path: '.gitignore', content: withEntries(existingIgnore, gitignore), producedBy: 'specmap init' });
  const configFlag = configFile === DEFAULT_CONFIG_FILE ? '' : ` --config ${configFile}`;
  return {
    configFile,
    root,
    found: {
      python: scan.code.python.length,
      typescript: scan.code.typescript.length,
      tests: scan.tests.length,
      traces: scan.traces.length,
      frameworks: scan.frameworks.map((f) => ({
        id: f.framework,
        title: frameworkTitle(f.framework),
        language: frameworkLanguage(f.framework),
        file: f.file,
      })),
    },
    proposal,
    laneFiles: await countLaneFiles(root, proposal),
    gitignore,
    files,
    next: `npx specmap${configFlag} sync`,
  };
}

/** Writes the plan's files (all or nothing); returns the paths written. */
export function applyInit(plan: InitPlan): string[] {
  return applyPlan(planWrites(plan.root, plan.files));
}

/** Plan and write, as `specmap init --yes` does. */
export async function runInit(opts: InitOptions = {}): Promise<{ plan: InitPlan; written: string[] }> {
  const plan = await planInit(opts);
  return { plan, written: applyInit(plan) };
}
