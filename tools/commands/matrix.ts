/**
 * The coverage matrix across implementations (config `implementations`) and `compare A B`. Library
 * functions that return data; the CLI prints and picks exit codes. The model is built once and
 * each implementation's code is analyzed with it (per-file facts cached per implementation), so
 * the matrix costs about what mapping each one does, minus the repeated model builds.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { projectCacheDir } from '../cache/settings.js';
import { glob } from 'tinyglobby';
import type { CodeFact } from '../analyzer/facts.js';
import type { Config, ImplementationConfig } from '../config/schema.js';
import { loadConfig } from '../config/load.js';
import { InputError, UsageError } from '../diagnostics/errors.js';
import { computeMapping } from '../mapping/compute.js';
import { readMappingFile } from '../mapping/read.js';
import type { Status } from '../mapping/schema.js';
import { buildMatrix, type MatrixInput } from '../matrix/build-matrix.js';
import { compareImplementations, type Comparison } from '../matrix/compare.js';
import { observe, type Recording } from '../matrix/observed.js';
import type { Matrix } from '../matrix/types.js';
import { loadModelState } from '../pipeline/model.js';

export interface MatrixOptions {
  config?: string;
  cwd?: string;
  allowOutside?: boolean;
  /** Called as each implementation starts: the CLI shows it on a terminal. */
  onProgress?: (step: string) => void;
}

export interface MatrixResult {
  matrix: Matrix;
  config: Config;
  root: string;
  /** Analyzer warnings and unreadable recording lines, as `file:line: message`. */
  warnings: string[];
}

async function readRecordings(root: string, impl: ImplementationConfig): Promise<Recording[]> {
  if (!impl.recordings.length) return [];
  const files = (
    await glob([...impl.recordings], { cwd: root, onlyFiles: true, dot: false, absolute: false, expandDirectories: false })
  ).sort();
  return files
    .filter((f) => !f.endsWith('.request.json'))
    .map((file) => {
      const path = resolve(root, file);
      const sidecar = [`${path}.request.json`, path.replace(/\.[^./]+$/, '.request.json')].find((p) => p !== path && existsSync(p));
      let request: unknown;
      if (sidecar) {
        try {
          request = JSON.parse(readFileSync(sidecar, 'utf8'));
        } catch {
          request = undefined;
        }
      }
      return { file, text: readFileSync(path, 'utf8'), ...(request !== undefined ? { request } : {}) };
    });
}

export async function buildMatrixFromConfig(opts: MatrixOptions = {}): Promise<MatrixResult> {
  const { config, root } = await loadConfig(opts.config, opts.cwd, { allowOutside: opts.allowOutside });
  if (!config.implementations.length) {
    throw new UsageError(
      'no implementations configured: add `"implementations": [{ "name": "fork", "workspace": "…", "lanes": [ … ] }, …]` to the config',
    );
  }
  const names = new Set<string>();
  for (const impl of config.implementations) {
    if (names.has(impl.name)) throw new InputError(`implementation \`${impl.name}\` is configured twice; give each a different name`);
    names.add(impl.name);
  }
  // Workspaces outside the project were already refused by loadConfig, unless --allow-outside.
  const state = await loadModelState(config, root);
  const model = state.model;
  const warnings: string[] = [];
  const inputs: MatrixInput[] = [];
  for (const impl of config.implementations) {
    opts.onProgress?.(`mapping ${impl.name}`);
    let mapping: MatrixInput['mapping'];
    let overrides: Map<string, Status> | undefined;
    if (impl.lanes.length) {
      const { analyzeWorkspace } = await import('../analyzer/index.js');
      const cacheDir = projectCacheDir(config, root);
      const analyzed = await analyzeWorkspace({
        root: resolve(root, impl.workspace),
        lanes: impl.lanes,
        model,
        cacheDir: cacheDir && join(cacheDir, 'implementations', impl.name.replace(/[^\w.-]+/g, '_')),
        unknownLiteralPatterns: config.unknownLiterals,
      });
      for (const w of analyzed.warnings) warnings.push(`${impl.name}: ${w.file}:${w.line}: ${w.message}`);
      const previous = impl.mapping ? readMappingFile(resolve(root, impl.mapping), impl.mapping) : undefined;
      const implConfig: Config = { ...config, workspace: impl.workspace, lanes: impl.lanes, status: { implemented: impl.implemented } };
      mapping = computeMapping(model, analyzed.facts as CodeFact[], implConfig, previous);
      overrides = new Map();
      for (const [id, e] of Object.entries(mapping.items)) if (e.manual?.statusOverride) overrides.set(id, e.manual.statusOverride);
    }
    const recordings = await readRecordings(root, impl);
    const observations = recordings.length ? observe(recordings) : undefined;
    for (const u of observations?.unreadable ?? []) warnings.push(`${impl.name}: ${u}: not a JSON event line`);
    inputs.push({
      name: impl.name,
      role: impl.role,
      lanes: impl.lanes.map((l) => l.name),
      ...(mapping ? { mapping } : {}),
      ...(overrides ? { overrides } : {}),
      ...(observations ? { observations } : {}),
      recordings: recordings.length,
    });
  }
  return { matrix: buildMatrix(model, inputs), config, root, warnings };
}

export interface CompareOptions extends MatrixOptions {
  /** Which changes make the comparison fail: B behind A (default), any difference, or nothing. */
  failOn?: 'behind' | 'any' | 'none';
}

export interface CompareResult {
  comparison: Comparison;
  /** True when the comparison meets `failOn`: the CLI exits 1. */
  failed: boolean;
}

export async function compareFromConfig(a: string, b: string, opts: CompareOptions = {}): Promise<CompareResult> {
  const { matrix } = await buildMatrixFromConfig(opts);
  for (const name of [a, b]) {
    if (!matrix.implementations.some((i) => i.name === name)) {
      throw new UsageError(
        `unknown implementation \`${name}\`, expected one of ${matrix.implementations.map((i) => `\`${i.name}\``).join(', ')}`,
      );
    }
  }
  const comparison = compareImplementations(matrix, a, b);
  const failOn = opts.failOn ?? 'behind';
  const failed = failOn === 'any' ? comparison.changes.length > 0 : failOn === 'behind' ? comparison.counts.behind > 0 : false;
  return { comparison, failed };
}

/** Where the matrix files go: the report folder, relative to the config. */
export function matrixPaths(config: Config, outDir?: string): { markdown: string; json: string; html: string } {
  const dir = outDir ?? config.report.outDir;
  return { markdown: join(dir, 'matrix.md'), json: join(dir, 'matrix.json'), html: join(dir, 'matrix.html') };
}
