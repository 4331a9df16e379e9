/**
 * Turns anything thrown into output and an exit code: known errors exit 2 with diagnostics, bugs
 * with a stack. A file-system refusal (permission, read-only disk, full disk) is the user's
 * environment, not a bug: it says what and where, without a stack.
 */
import { nameConfigFile } from '../config/name-config-file.js';
import { EXIT, SpecmapError } from '../diagnostics/errors.js';
import { fromDiagnostic } from '../problems/from-diagnostic.js';
import { prettyDiagnostics } from './format/pretty.js';
import { isEnvironmentErrno, toEnvironmentError } from '../io/env-error.js';

export function reportError(thrown: unknown, json: boolean, configFile?: string): number {
  const raw = isEnvironmentErrno(thrown) ? toEnvironmentError(thrown) : thrown;
  const error =
    raw instanceof SpecmapError && configFile
      ? Object.assign(raw, { diagnostics: raw.diagnostics.map((d) => nameConfigFile(d, configFile)) })
      : raw;
  if (error instanceof SpecmapError) {
    if (json) {
      process.stdout.write(
        JSON.stringify(
          {
            error: {
              kind: error.kind,
              message: error.message,
              diagnostics: error.diagnostics,
              problems: error.diagnostics.map(fromDiagnostic),
            },
          },
          null,
          2,
        ) + '\n',
      );
    } else {
      process.stderr.write(prettyDiagnostics(error.diagnostics));
      const errors = error.diagnostics.filter((d) => d.severity === 'error').length;
      const suffix = error.diagnostics.length ? ` (${errors} error${errors === 1 ? '' : 's'}, nothing written)` : '';
      process.stderr.write(`specmap: ${error.message}${suffix}\n`);
    }
    return EXIT.error;
  }
  process.stderr.write(`specmap: internal error, please report it\n${(error as Error)?.stack ?? String(error)}\n`);
  return EXIT.error;
}
