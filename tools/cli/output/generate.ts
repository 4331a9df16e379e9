import type { GenerateResult } from '../../commands/generate.js';
import { prettyProblems } from '../format/pretty.js';
import { toJsonText } from '../../io/json.js';
import type { Output } from './emit.js';

/** `specmap generate`: one line per changed file and a count, or a JSON summary. */
export function generateOutput(r: GenerateResult, json: boolean): Output {
  const changed = r.files.filter((f) => f.status !== 'unchanged').map((f) => f.path);
  const unchanged = r.files.length - changed.length;
  if (json) {
    return {
      stdout: toJsonText({ outDir: r.outDir, dryRun: r.dryRun, changed, unchanged, diagnostics: r.diagnostics, problems: r.problems }),
      stderr: '',
    };
  }
  const verb = r.dryRun ? 'would write' : 'wrote';
  return {
    stdout: `${changed.map((p) => `${verb} ${p}\n`).join('')}${changed.length} changed, ${unchanged} unchanged in ${r.outDir}\n`,
    stderr: prettyProblems(r.problems),
  };
}
