/**
 * Large sources read on a worker thread while the main thread reads the rest: on two cores the
 * 3 MB OpenAI spec (~0.3 s of YAML) is parsed while the docs pages are. The pages stay on the main
 * thread: on the markdown fast path (markdown/fast-parse.ts) they take milliseconds, less than a
 * worker needs to load their reader. Only where it pays: more than one core, a file large enough
 * to outweigh starting a worker (~40 ms), and the built tool (the worker is a compiled module;
 * under tsx or vitest the file reads in process). Any failure of the worker itself falls back to
 * reading in process.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from './read.js';
import type { SourceExtract } from './source-extract.js';
import { hasSourceExtracts } from './extract-cache.js';

/** Below this many characters a source reads faster in process than a worker starts. */
const MIN_WORKER_CHARS = 512 * 1024;

const WORKER = new URL('./extract-worker.js', import.meta.url);

function canUseWorker(): boolean {
  return availableParallelism() > 1 && WORKER.protocol === 'file:' && existsSync(fileURLToPath(WORKER));
}

/**
 * Which of `misses` (sources to parse) the worker reads, in order: the large ones, all but the
 * first when nothing else is left for the main thread. `usable`: whether a worker can run here at all.
 */
export function filesForWorker(misses: readonly SourceFile[], usable = canUseWorker()): SourceFile[] {
  const large = misses.filter((f) => f.text.length >= MIN_WORKER_CHARS);
  if (large.length === 0 || !usable) return [];
  return large.length === misses.length ? large.slice(1) : large;
}

export interface WorkerRead {
  extract: SourceExtract;
  diagnostics: Diagnostic[];
}

type Answer = { ok: true; extract: SourceExtract; diagnostics: Diagnostic[] } | { ok: false };

/** A worker started ahead of need (`prewarmSourceWorker`), not yet given files; `dead` once it failed. */
let spare: { worker: Worker; dead: boolean } | undefined;

/**
 * Starts the worker now, when the run is going to parse its sources: no memo can answer it and the
 * cache holds no source extracts (`cacheDir` absent: nothing is cached). The worker's start and the
 * loading of the OpenAPI reader (~0.1 s) then overlap the fingerprint of the run's inputs instead
 * of delaying the model. It holds the process open only once given files; one never used is ended
 * by the next `readInWorker` or at exit.
 */
export function prewarmSourceWorker(cacheDir: string | undefined): void {
  if (spare || !canUseWorker() || hasSourceExtracts(cacheDir)) return;
  try {
    const worker = new Worker(WORKER, { workerData: { preload: ['openapi'] } });
    const entry = { worker, dead: false };
    const die = () => {
      entry.dead = true;
    };
    worker.once('error', die);
    worker.once('exit', die);
    worker.unref();
    spare = entry;
  } catch {
    // No worker now: the sources read on one started when they are given, or in process.
  }
}

/** The prewarmed worker if it is alive, else a new one. */
function takeWorker(): Worker {
  const taken = spare;
  spare = undefined;
  if (taken && !taken.dead) {
    taken.worker.ref();
    return taken.worker;
  }
  return new Worker(WORKER);
}

/**
 * One worker reading `files` in order: each file's read, or undefined when the worker failed (the
 * caller then reads that file in process). With no files, a prewarmed worker is ended.
 */
export function readInWorker(files: readonly SourceFile[]): Map<SourceFile, Promise<WorkerRead | undefined>> {
  const out = new Map<SourceFile, Promise<WorkerRead | undefined>>();
  if (files.length === 0) {
    if (spare) void spare.worker.terminate();
    spare = undefined;
    return out;
  }
  const waiting: ((read: WorkerRead | undefined) => void)[] = [];
  for (const file of files) out.set(file, new Promise((resolve) => waiting.push(resolve)));
  const failAll = () => {
    for (const resolve of waiting.splice(0)) resolve(undefined);
  };
  let worker: Worker;
  try {
    worker = takeWorker();
  } catch {
    failAll();
    return out;
  }
  worker.on('message', (m: Answer) => {
    waiting.shift()?.(m.ok ? { extract: m.extract, diagnostics: m.diagnostics } : undefined);
    if (waiting.length === 0) void worker.terminate();
  });
  worker.once('error', failAll);
  worker.once('exit', failAll);
  for (const file of files) worker.postMessage(file);
  return out;
}
