/**
 * Worker entry: reads sources (parse and extract) off the main thread, so that on a machine with
 * more than one core a large OpenAPI document, and a docs page after it, are parsed while the
 * other pages are. Gets each file's already-decoded text, one message per file, and answers each
 * in the order received with the extract and the diagnostics, both plain data.
 */
import { parentPort } from 'node:worker_threads';
import { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { SourceFile } from './read.js';
import { readSourceGuarded } from './read-guarded.js';

async function read(file: SourceFile): Promise<void> {
  const bag = new DiagnosticBag();
  try {
    const extract = await readSourceGuarded(file, bag);
    parentPort!.postMessage({ ok: true, extract, diagnostics: bag.items });
  } catch (error) {
    parentPort!.postMessage({ ok: false, message: String((error as Error)?.stack ?? error) });
  }
}

// One file at a time, so the answers come back in the order the files were sent.
let queue = Promise.resolve();
parentPort!.on('message', (file: SourceFile) => {
  queue = queue.then(() => read(file));
});
