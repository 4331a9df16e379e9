/**
 * Large sources read on a worker thread while the main thread reads the rest: on two cores the
 * 3 MB OpenAI spec (~0.3 s of YAML) is parsed while the docs pages (~0.5 s of markdown) are. Only
 * where it pays: more than one core, a file large enough to outweigh starting a worker (~40 ms),
 * and the built tool (the worker is a compiled module; under tsx or vitest the file reads in
 * process). Any failure of the worker itself falls back to reading in process.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from './read.js';
import type { SourceExtract } from './source-extract.js';

/** Below this many characters a source reads faster in process than a worker starts. */
const MIN_WORKER_CHARS = 512 * 1024;

const WORKER = new URL('./extract-worker.js', import.meta.url);

export function worthAWorker(file: SourceFile, others: number): boolean {
  return (
    others > 0 &&
    file.text.length >= MIN_WORKER_CHARS &&
    availableParallelism() > 1 &&
    WORKER.protocol === 'file:' &&
    existsSync(fileURLToPath(WORKER))
  );
}

export interface WorkerRead {
  extract: SourceExtract;
  diagnostics: Diagnostic[];
}

/** The worker's read, or undefined when the worker failed (the caller then reads in process). */
export function readInWorker(file: SourceFile): Promise<WorkerRead | undefined> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER);
    } catch {
      resolve(undefined);
      return;
    }
    worker.once('message', (m: { ok: true; extract: SourceExtract; diagnostics: Diagnostic[] } | { ok: false }) => {
      resolve(m.ok ? { extract: m.extract, diagnostics: m.diagnostics } : undefined);
      void worker.terminate();
    });
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
    worker.postMessage(file);
  });
}
