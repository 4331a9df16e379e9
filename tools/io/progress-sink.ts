/**
 * What a long command reports as it goes: the CLI passes a terminal progress line, the library's
 * callers pass nothing (silent) or their own sink. Commands never decide where progress is shown.
 */
export interface ProgressSink {
  step(label: string): void;
  done(): void;
}

export const SILENT: ProgressSink = { step: () => {}, done: () => {} };
