import type { SyncResult } from '../../commands/sync.js';
import { prettyDiagnostics } from '../format/pretty.js';
import { toJsonText } from '../../io/json.js';
import { type Output, plural } from './emit.js';

/** `specmap sync` (and `check --fix`): warnings on stderr; what was written, or a JSON summary, on stdout. */
export function syncOutput(r: SyncResult, json: boolean): Output {
  if (json) {
    return {
      stdout: toJsonText({ written: r.written, unchanged: r.unchanged, ...(r.removed && { removed: r.removed }), problems: r.problems }),
      stderr: '',
    };
  }
  const stderr = [
    prettyDiagnostics(r.diagnostics),
    // The analyzer's warnings have always been printed without a code.
    ...r.analyzerWarnings.map((w) => `${w.file}:${w.line}:${w.column}: warning ${w.message}\n`),
  ].join('');
  const lines = r.written.map((path) => `wrote ${path}\n`);
  if (r.removed?.length) lines.push(`removed ${plural(r.removed.length, 'temporary file')} left by an interrupted run\n`);
  lines.push(`sync: ${plural(r.written.length, 'file')} written, ${r.unchanged} unchanged\n`);
  return { stdout: lines.join(''), stderr };
}
