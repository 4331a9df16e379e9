/**
 * `--timings`: where a run's time went, collected here as data (the CLI prints it when the process
 * ends). Phases nest by name (`model > parse DOC_responses.md`); each says how long the phase took
 * and, for caches, whether it was answered from the cache. Off by default, and then free.
 */
let enabled = false;
const start = performance.now();
const lines: { label: string; ms: number; note?: string }[] = [];

export function enableTimings(): void {
  enabled = true;
}

function timingsEnabled(): boolean {
  return enabled || Boolean(process.env.SPECMAP_TIMING);
}

/** Records `label` as taking the time since `t0` (a `performance.now()`), with an optional note. */
export function recordTiming(label: string, t0: number, note?: string): void {
  if (!timingsEnabled()) return;
  lines.push({ label, ms: performance.now() - t0, ...(note ? { note } : {}) });
}

/**
 * A phase's start that moves to when `ready` settles: work begun early, while something it needs
 * was still being made, is timed from then, so the phases printed do not count the overlap twice.
 */
export function startWhenSettled(ready: unknown): () => number {
  let t0 = performance.now();
  void Promise.resolve(ready).then(
    () => {
      t0 = performance.now();
    },
    () => {},
  );
  return () => t0;
}

export interface Timings {
  phases: { label: string; ms: number; note?: string }[];
  /** Since this module loaded. */
  totalMs: number;
}

/** The phases recorded so far, in the order they ended. */
export function timingsSoFar(): Timings {
  return { phases: lines.map((l) => ({ ...l })), totalMs: performance.now() - start };
}
