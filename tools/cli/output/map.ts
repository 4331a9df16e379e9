import type { MapCommandResult } from '../../commands/map.js';
import { prettyProblems } from '../format/pretty.js';
import { toJsonText } from '../../io/json.js';
import type { Output } from './emit.js';

/** `specmap map`: analyzer warnings on stderr; the mapping (`--stdout`), a JSON summary or one line on stdout. */
export function mapOutput(r: MapCommandResult, json: boolean): Output {
  const stderr = json ? '' : prettyProblems(r.problems);
  if (r.text !== undefined) return { stdout: r.text, stderr };
  if (json) {
    return {
      stdout: toJsonText({
        mapping: r.path,
        written: r.written,
        summary: r.mapping?.summary,
        unknownLiterals: r.mapping?.unknownLiterals,
        diagnostics: r.diagnostics,
        problems: r.problems,
      }),
      stderr,
    };
  }
  return { stdout: `${r.written ? 'wrote' : 'unchanged'} ${r.path}: ${r.summary}\n`, stderr };
}
