/** What a command shows: built as text by the output modules, written here, stderr first (as a run would). */
export interface Output {
  stdout: string;
  stderr: string;
}

export function emit(out: Output): void {
  if (out.stderr) process.stderr.write(out.stderr);
  if (out.stdout) process.stdout.write(out.stdout);
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
