/**
 * The analyzer's entry: lane globs → files → facts. Thin wiring around the pure parts: a text
 * prefilter decides which files are worth parsing for what their lanes count, the fact cache skips
 * files already read, the adapters (TypeScript, Python, traces) turn each file into neutral facts, and
 * one workspace pass resolves class names through the module graph (bindings.ts) and ties them to
 * items (assign-items.ts), parsing on demand the modules it needs that no pass picked. Analyzed code is only
 * ever read, never run.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FactKind, LaneConfig } from '../config/schema.js';
import type { Model } from '../model/schema.js';
import { buildCandidates, type Candidates } from './candidates.js';
import { FactCache, fileKey } from './fact-cache.js';
import type { FileContext, FileFacts } from './fact-sink.js';
import type { AnalyzerWarning, CodeFact } from './facts.js';
import { isTestPath, type FactLanguage } from './file-role.js';
import { expandLanes } from './expand-lanes.js';
import { alternation, buildPrefilter, type Prefilter, WANT_ALL, type Wanted } from './prefilter.js';
import { isRouteFile } from './route-files.js';
import { assignItems, namesWorthResolving } from './assign-items.js';
import { ModuleGraph } from './bindings.js';
import { tsResolution } from './ts-resolution.js';
import { languageOf } from './file-role.js';
import { compareFacts } from './sort-facts.js';
import { traceFacts } from './trace/trace-facts.js';
import { readTextHashed, type StatAt, type StatLike } from '../io/read-hashes.js';
import { recordTiming } from '../cache/timings.js';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

type AnalyzedModel = Pick<Model, 'events' | 'endpoints' | 'params'> & Partial<Pick<Model, 'sources'>>;

export interface AnalyzeOptions {
  /** Workspace root: lane globs are relative to it, fact paths too. */
  root: string;
  /** `kinds`: what the lane counts; a file is parsed for what its lanes count (all kinds when absent). */
  lanes: readonly (Pick<LaneConfig, 'name' | 'include' | 'exclude' | 'language'> & { kinds?: LaneConfig['kinds'] })[];
  /**
   * The model, or its promise while the caller still builds it: the work that needs no model
   * (listing the lanes' files, loading the parsers their languages need) runs meanwhile.
   */
  model: AnalyzedModel | Promise<AnalyzedModel>;
  /** Where the fact cache lives; none: no cache. */
  cacheDir?: string;
  /** Config `unknownLiterals`. */
  unknownLiteralPatterns?: readonly string[];
  /**
   * The stat a file (by absolute path) had when the run's start looked at it, taken instead of
   * another (pipeline/run-memo.ts `startStats`); a file it has none for is looked at now.
   */
  statAt?: StatAt;
}

export interface AnalyzeResult {
  /** Sorted by file, line, column, kind, literal. */
  facts: CodeFact[];
  warnings: AnalyzerWarning[];
  /** Lane name → the workspace files its globs matched (sorted), for the mapping to assign facts to lanes. */
  files: Record<string, string[]>;
  /** How much work the run did: files read, parsed, answered from the cache. */
  stats: { files: number; parsed: number; cached: number };
}

interface Skipped {
  file: string;
  language: FactLanguage;
  key: string;
  path: string;
  text: string | undefined;
}

function namesKey(names: Iterable<string>): string {
  return [...names].sort().join(',');
}

interface Pending {
  file: string;
  language: FactLanguage;
  text: string;
  key: string;
  /** Parse a large test file whole, not without its quiet tests. */
  whole?: boolean;
}

export async function analyzeWorkspace(options: AnalyzeOptions): Promise<AnalyzeResult> {
  const warnings: AnalyzerWarning[] = [];
  // While the model is still being built (between its reads from disk; tree-sitter's WebAssembly
  // compiles off this thread meanwhile), list the lanes' files and load the parsers they need. Not
  // when the model is already at hand: a parser nobody turns out to need would then cost time of its own.
  // No cache folder (`--no-cache`): the compiler's code cache is neither read nor written either.
  const useCodeCache = options.cacheDir !== undefined;
  let modelReady = false;
  const model = Promise.resolve(options.model).finally(() => {
    modelReady = true;
  });
  // Only where no run has left facts yet: on a later run most files come from the fact cache, and
  // a parser no file turns out to need cost ~15 ms of a warm `check` (tree-sitter's WebAssembly).
  const cold = !FactCache.present(options.cacheDir);
  const listed = expandLanes(options.root, options.lanes, warnings, { cacheDir: options.cacheDir }).then(async (lanes) => {
    // A parser that fails to load fails again, with its own error, where a file needs it.
    if (cold) await preloadParsers(lanes.languages, useCodeCache, () => !modelReady).catch(() => {});
    return lanes;
  });
  // Awaited after the model, so that a model that cannot be built is the error reported.
  listed.catch(() => {});
  const candidates = buildCandidates({ model: await model, unknownLiteralPatterns: options.unknownLiteralPatterns ?? [] }, warnings);
  const { files, languages } = await listed;
  const testByLane = testFilesByLane(options.lanes, files);
  const isTest = (file: string): boolean => isTestPath(file) || testByLane.has(file);
  // Which files are tests then depends on the lanes too, and a file's facts on whether it is one.
  // What the lanes hold and count: which files a pass picks depends on it too (cachedNames below).
  const selection = `${JSON.stringify(options.lanes.map((l) => [l.include, l.exclude ?? [], l.kinds ?? []]))}\n`;
  const cacheIdentity = testByLane.size > 0 ? `${candidates.hash}\0${selection}` : candidates.hash;
  const cache = await FactCache.open(options.cacheDir, cacheIdentity);
  // Where the analysis's own time went (`--timings`): each phase timed from the end of the one before.
  let phaseStart = performance.now();
  const endPhase = (label: string, note?: string): void => {
    recordTiming(label, phaseStart, note);
    phaseStart = performance.now();
  };

  const results = new Map<string, FileFacts>();
  const waiting: Pending[] = [];
  const skipped: Skipped[] = [];
  const stats: Record<string, [number, number, string]> = {};
  let cached = 0;
  let read = 0;
  // The names the workspace itself ties to event types decide which files later passes pick; the
  // last run's negatives are valid only while those names are the same.
  // Class names the workspace itself ties to items (besides the SDK's, which the prefilter has).
  const localNames = (): Set<string> => {
    const modules = moduleMap(results, languages, isTest);
    const names = namesWorthResolving(collect(results), modules, candidates.typeByClass);
    for (const n of candidates.typeByClass.keys()) names.delete(n);
    // A module's own name for an SDK request type (`type ChatRequest = Omit<ResponseCreateParams, …>`):
    // a request typed with it may be built in a file that names nothing else.
    for (const m of modules.values()) for (const [n] of m.facts.requestTypes ?? []) names.add(n);
    // A module's function that sends what it is handed (`createStreamed(client, request)`): a call of
    // it with a request of common keys only (`model`, `input`) names nothing else.
    for (const m of modules.values()) for (const [n] of m.facts.sdkWrappers ?? []) names.add(n);
    return names;
  };
  const cachedNames = (): string => selection + namesKey(localNames());
  for (const [file, language] of languages) {
    const path = join(options.root, file);
    let st: StatLike;
    try {
      st = options.statAt?.(path) ?? statSync(path);
    } catch {
      warnings.push({ file, line: 1, column: 1, message: 'Found a file that cannot be read, expected a readable text file' });
      continue;
    }
    let key = cache.knownKey(file, st.size, st.mtimeMs);
    let text: string | undefined;
    if (key === undefined) {
      const hashed = readHashed(path, file, st, warnings);
      if (hashed === undefined) continue;
      read++;
      text = hashed.text;
      key = fileKey(file, language, hashed.sha256);
    }
    stats[file] = [st.size, st.mtimeMs, key];
    const hit = cache.get(key);
    if (hit) {
      results.set(file, hit);
      cached++;
    } else skipped.push({ file, language, key, path, text });
  }
  const namesBefore = cachedNames();
  endPhase('analyze: read the lane files', `${read} read, ${cached} from the fact cache`);
  for (const p of skipped.splice(0)) {
    if (cache.isNegative(p.key, namesBefore)) skipped.push(p);
    else {
      const text = p.text ?? readText(p.path, p.file, warnings);
      if (text !== undefined) waiting.push({ file: p.file, language: p.language, key: p.key, text });
    }
  }

  // Files parsed, each once however often (a test file parsed again whole counts once).
  const parsedFiles = new Set<string>();
  let parseMs = 0;
  const parse = async (batch: Pending[]): Promise<void> => {
    const started = performance.now();
    const out = await parseFiles(batch, candidates, useCodeCache, isTest);
    parseMs += performance.now() - started;
    batch.forEach((p, i) => {
      results.set(p.file, out[i]!);
      cache.set(p.key, out[i]!);
      parsedFiles.add(p.file);
    });
  };

  // Pass 1: files that mention a candidate (or are traces or route files by their path).
  // Built only when a file waits: a warm run answers every file from the cache.
  const prefilter = waiting.length > 0 ? buildPrefilter(candidates) : () => false;
  const wanted = wantedByFile(options.lanes, files);
  let { take, rest } = split(
    waiting,
    (p) => p.language === 'trace' || isRouteFile(p.file) || prefilter(p.text, wanted.get(p.file) ?? WANT_ALL),
  );
  await parse(take);
  // Further passes: files that use a class the workspace itself ties to an event type (`CreatedEvent(...)`).
  const seenNames = new Set<string>(candidates.typeByClass.keys());
  for (let round = 0; round < 4; round++) {
    const all = localNames();
    if (skipped.length > 0 && selection + namesKey(all) !== namesBefore) {
      // The names changed since the negatives were recorded: those files must be looked at again.
      for (const p of skipped.splice(0)) {
        const text = p.text ?? readText(p.path, p.file, warnings);
        if (text !== undefined) rest.push({ file: p.file, language: p.language, key: p.key, text });
      }
      for (const n of all) seenNames.delete(n);
    }
    const names = [...all].filter((n) => !seenNames.has(n));
    if (names.length === 0 || rest.length === 0) break;
    for (const n of names) seenNames.add(n);
    const byName: Prefilter = wordFilter(names);
    ({ take, rest } = split(rest, (p) => byName(p.text)));
    if (take.length === 0) break;
    await parse(take);
  }
  // A test file parsed without its quiet tests, one of which uses a class the workspace turned out
  // to tie to an event type: parsed whole (and cached so), since that use may be a test of it.
  const tied = localNames();
  const whole: Pending[] = [];
  for (const [file, r] of results) {
    if (!r.quietClasses?.some((n) => tied.has(n))) continue;
    const key = stats[file]?.[2];
    const text = key === undefined ? undefined : readText(join(options.root, file), file, warnings);
    if (key !== undefined && text !== undefined) whole.push({ file, language: languages.get(file)!, key, text, whole: true });
  }
  await parse(whole);
  // Files no pass selected hold nothing: remembered as negatives for these class names.
  cache.record(stats, [...rest.map((p) => p.key), ...skipped.map((p) => p.key)], cachedNames());
  endPhase('analyze: pick and parse', `${parsedFiles.size} parsed in ${Math.round(parseMs)} ms`);

  // Bindings: names resolve through the module graph. A module it needs that no pass parsed (a
  // barrel, an `__init__.py`, a base class's file) is parsed now, and resolution runs again.
  const seenFile = new Map<string, boolean>();
  const exists = (file: string): boolean => {
    if (file.startsWith('..') || file.startsWith('/')) return false;
    let hit = seenFile.get(file);
    if (hit === undefined) {
      // Most candidates of a module path do not exist: no exception per miss (an error object and
      // its stack cost several times the system call).
      try {
        hit = statSync(join(options.root, file), { throwIfNoEntry: false })?.isFile() ?? false;
      } catch {
        hit = false;
      }
      seenFile.set(file, hit);
    }
    return hit;
  };
  let facts: CodeFact[] = [];
  const endpointParams = new Map([...candidates.sdkCalls.values()].map((e) => [`${e.method} ${e.path}`, e.params]));
  const tsBare = tsResolution((file) => readText(join(options.root, file), file, warnings), exists, languages.keys());
  for (let round = 0; ; round++) {
    const modules = moduleMap(results, languages, isTest);
    const graph = new ModuleGraph(modules, exists, tsBare);
    facts = assignItems({
      facts: collect(results),
      modules,
      graph,
      typeByClass: candidates.typeByClass,
      sdkPackages: candidates.sdkPackages,
      endpointParams,
    });
    const more: Pending[] = [];
    for (const file of graph.missing) {
      if (results.has(file) || round >= 6) continue;
      const language = languageOf(file);
      if (language === undefined || language === 'trace') continue;
      const text = readText(join(options.root, file), file, warnings);
      if (text !== undefined) more.push({ file, language, text, key: fileKey(file, language, sha256(text)) });
    }
    if (more.length === 0) break;
    const fromCache = more.filter((p) => {
      const hit = cache.get(p.key);
      if (hit) results.set(p.file, hit);
      return !hit;
    });
    await parse(fromCache);
    for (const p of more) if (!results.has(p.file)) results.set(p.file, { facts: [], warnings: [] });
  }
  endPhase('analyze: bindings');
  await cache.save();
  endPhase('analyze: save the fact cache');
  facts.sort(compareFacts);
  for (const r of results.values()) warnings.push(...r.warnings);
  return { facts, warnings: sortWarnings(warnings), files, stats: { files: languages.size, parsed: parsedFiles.size, cached } };
}

function moduleMap(
  results: Map<string, FileFacts>,
  languages: ReadonlyMap<string, FactLanguage>,
  isTest: (file: string) => boolean,
): Map<string, { language: FactLanguage; facts: NonNullable<FileFacts['module']>; isTest: boolean }> {
  const modules = new Map<string, { language: FactLanguage; facts: NonNullable<FileFacts['module']>; isTest: boolean }>();
  for (const [file, r] of results)
    if (r.module)
      modules.set(file, { language: languages.get(file) ?? languageOf(file) ?? 'typescript', facts: r.module, isTest: isTest(file) });
  return modules;
}

/**
 * Files that are tests by the lanes that hold them, whatever their names (`checks/stream.ts`,
 * `e2e/flow.py`): some lane that holds one counts tests, and none counts the stream's other kinds.
 */
function testFilesByLane(lanes: AnalyzeOptions['lanes'], files: Record<string, string[]>): Set<string> {
  const counted = new Map<string, boolean>();
  for (const lane of lanes) {
    const kinds = lane.kinds;
    const tests = kinds?.includes('test') === true;
    const stream = kinds === undefined || kinds.some((k) => k === 'definition' || k === 'emitter' || k === 'handler');
    for (const file of files[lane.name] ?? []) {
      if (stream) counted.set(file, false);
      else if (tests && !counted.has(file)) counted.set(file, true);
    }
  }
  // Those their names already say are tests need no lane to say so.
  return new Set([...counted].filter(([file, test]) => test && !isTestPath(file)).map(([file]) => file));
}

function collect(results: Map<string, FileFacts>): CodeFact[] {
  return [...results.values()].flatMap((r) => r.facts);
}

/** The kinds mentions of the stream yield, and those mentions of the API yield (prefilter.ts `Wanted`). */
const STREAM_KINDS: ReadonlySet<FactKind> = new Set(['definition', 'emitter', 'handler', 'test']);
const API_KINDS: ReadonlySet<FactKind> = new Set(['route', 'param']);

/** What each file's lanes count, together: the stream's kinds, the API's, or both. */
function wantedByFile(lanes: AnalyzeOptions['lanes'], files: Record<string, string[]>): Map<string, Wanted> {
  const out = new Map<string, Wanted>();
  for (const lane of lanes) {
    const kinds = lane.kinds;
    const stream = kinds === undefined || kinds.some((k) => STREAM_KINDS.has(k));
    const api = kinds === undefined || kinds.some((k) => API_KINDS.has(k));
    for (const file of files[lane.name] ?? []) {
      const had = out.get(file);
      out.set(file, had ? { stream: had.stream || stream, api: had.api || api } : { stream, api });
    }
  }
  return out;
}

function split<T>(items: T[], test: (t: T) => boolean): { take: T[]; rest: T[] } {
  const take: T[] = [];
  const rest: T[] = [];
  for (const i of items) (test(i) ? take : rest).push(i);
  return { take, rest };
}

function wordFilter(names: string[]): Prefilter {
  const re = new RegExp(`\\b(?:${alternation(names)})\\b`);
  return (text) => re.test(text);
}

/** Sync reads: hundreds of small files read faster without a promise each, and nothing else waits meanwhile. */
function readText(path: string, file: string, warnings: AnalyzerWarning[]): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    warnings.push(unreadable(file, error));
    return undefined;
  }
}

/**
 * A lane file's text and the hash of its bytes, which the run's closing fingerprint takes from here
 * (io/read-hashes.ts) rather than reading the file again. `st`: its stat before the read.
 */
function readHashed(path: string, file: string, st: StatLike, warnings: AnalyzerWarning[]): { text: string; sha256: string } | undefined {
  try {
    return readTextHashed(path, st);
  } catch (error) {
    warnings.push(unreadable(file, error));
    return undefined;
  }
}

const unreadable = (file: string, error: unknown): AnalyzerWarning => ({
  file,
  line: 1,
  column: 1,
  message: `Found a file that cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}), expected a readable text file`,
});

/**
 * Loads the parsers of the languages the lanes hold, ahead of the files that will need them, each
 * only while the model is still `pending` (one loaded after it arrived could be one no file needs).
 */
async function preloadParsers(languages: ReadonlyMap<string, FactLanguage>, useCodeCache: boolean, pending: () => boolean): Promise<void> {
  const used = new Set(languages.values());
  if (used.has('python') && pending()) await (await import('./python/load-parser.js')).loadPythonParser();
  if (used.has('typescript') && pending()) {
    const { loadTypeScript } = await import('./typescript/load-typescript.js');
    if (pending()) loadTypeScript(useCodeCache);
  }
}

/** Adapters are imported only when a file of their language needs parsing (compiling the TypeScript compiler alone costs ~0.3 s). */
async function parseFiles(
  batch: Pending[],
  candidates: Candidates,
  useCodeCache: boolean,
  isTest: (file: string) => boolean,
): Promise<FileFacts[]> {
  const ctx = (p: Pending): FileContext => ({ file: p.file, language: p.language, isTest: isTest(p.file), candidates });
  const out: FileFacts[] = new Array(batch.length);
  const py = batch.map((p, i) => [p, i] as const).filter(([p]) => p.language === 'python');
  const ts = batch.map((p, i) => [p, i] as const).filter(([p]) => p.language === 'typescript');
  batch.forEach((p, i) => {
    if (p.language === 'trace') out[i] = traceFacts(p.text, ctx(p));
  });
  if (py.length > 0) {
    const { analyzePython } = await import('./python/analyze-python.js');
    const res = await analyzePython(py.map(([p]) => ({ text: p.text, ctx: ctx(p) })));
    for (const [j, [, i]] of py.entries()) out[i] = res[j]!;
  }
  if (ts.length > 0) {
    const { analyzeTypeScript } = await import('./typescript/analyze-typescript.js');
    const res = await analyzeTypeScript(
      ts.map(([p]) => ({ text: p.text, ctx: ctx(p), whole: p.whole })),
      useCodeCache,
    );
    for (const [j, [, i]] of ts.entries()) out[i] = res[j]!;
  }
  return out;
}

function sortWarnings(ws: AnalyzerWarning[]): AnalyzerWarning[] {
  return ws.sort((a, b) =>
    a.file < b.file
      ? -1
      : a.file > b.file
        ? 1
        : a.line - b.line || a.column - b.column || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}
