/**
 * Medians of several sides timed in interleaved rounds (side A, side B, … then again), so that a
 * change in machine load hits every side alike and the ratios stay fair.
 */
export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function interleavedMedians(sides: Record<string, () => unknown>, runs: number, warmup = 0): Promise<Record<string, number>> {
  for (const f of Object.values(sides)) for (let i = 0; i < warmup; i++) await f();
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(sides).map((k) => [k, []]));
  for (let r = 0; r < runs; r++) {
    for (const [name, f] of Object.entries(sides)) {
      const t = performance.now();
      await f();
      times[name]!.push(performance.now() - t);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
}
