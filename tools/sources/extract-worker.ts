/**
 * Worker entry: reads sources (parse and extract) off the main thread, so that on a machine with
 * more than one core a large OpenAPI document is parsed while the docs pages are. Gets each file's
 * already-decoded text, one message per file, and answers each in the order received with the
 * extract and the diagnostics, both plain data.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { SourceFile } from './read.js';
import type { SourceKind } from '../model/schema.js';
import { readSourceGuarded } from './read-guarded.js';
import { getReader } from './registry.js';

async function read(file: SourceFile): Promise<void> {
  const bag = new DiagnosticBag();
  try {
    const extract = await readSourceGuarded(file, bag);
    parentPort!.postMessage({ ok: true, extract, diagnostics: bag.items });
  } catch (error) {
    parentPort!.postMessage({ ok: false, message: String((error as Error)?.stack ?? error) });
  }
}

// A worker started ahead of its files loads the readers it is told to expect meanwhile.
const preload = (workerData as { preload?: SourceKind[] } | undefined)?.preload ?? [];
// One file at a time, so the answers come back in the order the files were sent.
let queue: Promise<unknown> = Promise.all(preload.map((kind) => getReader(kind).catch(() => undefined)));
parentPort!.on('message', (file: SourceFile) => {
  queue = queue.then(() => read(file));
});
