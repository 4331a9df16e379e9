import type { Timings } from '../../cache/timings.js';

/** `--timings`: one line per phase, then the total. */
export function timingsOutput(t: Timings): string {
  const rows = t.phases.map((l) => `  ${l.ms.toFixed(0).padStart(6)} ms  ${l.label}${l.note ? ` (${l.note})` : ''}`);
  return `timings (since the CLI module loaded; Node's own start-up not included):\n${rows.join('\n')}\n  ${t.totalMs.toFixed(0).padStart(6)} ms  total\n`;
}
