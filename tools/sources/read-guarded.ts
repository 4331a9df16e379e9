import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { SourceFile } from './read.js';
import { getReader } from './registry.js';
import { emptyExtract, type SourceExtract } from './source-extract.js';

/**
 * A source's reader, with a stack overflow turned into an error about the source: the nesting
 * checks run before parsing (limits.ts), this catches what they cannot predict (a deeply nested
 * YAML or JSON document) so the user hears which file, not "internal error".
 */
export async function readSourceGuarded(file: SourceFile, bag: DiagnosticBag): Promise<SourceExtract> {
  const read = await getReader(file.info.kind);
  try {
    return await read(file.text, file.info, file.config, bag);
  } catch (error) {
    if (!(error instanceof RangeError && /call stack/i.test(error.message))) throw error;
    bag.error({
      code: 'source-too-deep',
      file: file.info.path,
      line: 1,
      column: 1,
      message: `Found structures nested too deeply to read (${error.message}), expected a document nested at most a few dozen levels`,
      hint: 'flatten the nesting; a real API document nests far less than this',
    });
    return emptyExtract(file.info);
  }
}
