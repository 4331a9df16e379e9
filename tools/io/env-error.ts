/**
 * Errors that come from the user's environment rather than from specmap or its input: a
 * read-only file or disk, a full disk, a missing permission, a lock held by another run. They say
 * what and where and exit 2 without a stack trace: there is nothing for us to debug.
 */
import { UsageError } from '../diagnostics/errors.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

// `kind` stays 'usage' (the kinds are API in --json output); the class marks the cause for messages.
export class EnvironmentError extends UsageError {}

/** Node's codes for a file-system refusal the user can fix, with what to tell them. */
const ENVIRONMENT_CODES: Record<string, { what: string; hint: string }> = {
  EACCES: { what: 'permission denied', hint: 'give the user running specmap write access, or run it where it may write' },
  EPERM: { what: 'operation not permitted', hint: 'check the file’s permissions and attributes' },
  EROFS: { what: 'the file system is read-only', hint: 'run specmap on a writable checkout (`check --no-cache` writes nothing)' },
  ENOSPC: { what: 'no space left on the device', hint: 'free disk space and run again; nothing was half-written' },
  EDQUOT: { what: 'disk quota exceeded', hint: 'free space within your quota and run again' },
  EMFILE: { what: 'too many open files', hint: 'raise the open-file limit (`ulimit -n`) and run again' },
  ENFILE: { what: 'too many open files in the system', hint: 'close other programs or raise the system limit' },
  ELOOP: { what: 'a loop of symbolic links', hint: 'remove the looping symlink' },
};

export function isEnvironmentErrno(error: unknown): error is NodeJS.ErrnoException {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && Object.hasOwn(ENVIRONMENT_CODES, code);
}

/** An errno error from the file system as an EnvironmentError naming the operation and the path. */
export function toEnvironmentError(error: NodeJS.ErrnoException): EnvironmentError {
  const known = ENVIRONMENT_CODES[error.code!]!;
  const path = error.path ?? '(unknown path)';
  const op = error.syscall ? `${error.syscall} ` : '';
  const rawDest = (error as { dest?: string }).dest;
  const dest = rawDest ? ` → ${rawDest}` : '';
  const diagnostic: Diagnostic = {
    severity: 'error',
    code: `environment-${error.code!.toLowerCase()}`,
    file: path,
    line: 1,
    column: 1,
    message: `Cannot ${op}${path}${dest}: ${known.what} (${error.code}), expected a ${error.syscall === 'open' || error.syscall === 'scandir' ? 'readable or writable' : 'writable'} location`,
    hint: known.hint,
  };
  return new EnvironmentError(`cannot ${op}${path}: ${known.what}`, [diagnostic]);
}
