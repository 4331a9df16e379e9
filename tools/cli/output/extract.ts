import type { ExtractResult } from '../../commands/extract.js';
import { prettyProblems } from '../format/pretty.js';
import { toJsonText } from '../../io/json.js';
import type { Output } from './emit.js';

/** `specmap extract`: warnings on stderr; the model (`--stdout`), a JSON summary or one line on stdout. */
export function extractOutput(r: ExtractResult, json: boolean): Output {
  const stderr = json ? '' : prettyProblems(r.problems);
  if (r.path === undefined) return { stdout: r.text, stderr };
  if (json)
    return {
      stdout: toJsonText({ model: r.path, written: r.written, counts: r.counts, diagnostics: r.diagnostics, problems: r.problems }),
      stderr,
    };
  const summary = Object.entries(r.counts)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  return { stdout: `${r.written ? 'wrote' : 'unchanged'} ${r.path}: ${summary} from ${r.sources} sources\n`, stderr };
}
