/**
 * Worker entry: reads one source (parse and extract) off the main thread, so that on a machine
 * with more than one core a large OpenAPI document is parsed while the docs pages are. It gets the
 * already-decoded text and returns the extract and the diagnostics, both plain data.
 */
import { parentPort } from 'node:worker_threads';
import { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { SourceFile } from './read.js';
import { readSourceGuarded } from './read-guarded.js';

parentPort!.once('message', async (file: SourceFile) => {
  const bag = new DiagnosticBag();
  try {
    const extract = await readSourceGuarded(file, bag);
    parentPort!.postMessage({ ok: true, extract, diagnostics: bag.items });
  } catch (error) {
    parentPort!.postMessage({ ok: false, message: String((error as Error)?.stack ?? error) });
  }
});
