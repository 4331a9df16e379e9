/**
 * Check 4: every event carries an integer ordering number (the stream profile's `sequenceField`,
 * `sequence_number` in Responses), one more than the event before it. The
 * first number is free (a resumed stream starts after `starting_after`). After an event whose number
 * could not be read, the next number is accepted as is, so one defect is reported once.
 */
import type { Report } from '../state.js';
import type { TraceEvent } from '../types.js';

export class SequenceCheck {
  private previous: number | undefined;

  constructor(private readonly field: string) {}

  /** An event that could not be parsed: its number is unknown, resynchronise on the next one. */
  skip(): void {
    this.previous = undefined;
  }

  check(event: TraceEvent, report: Report): void {
    const n = event.payload[this.field];
    if (typeof n !== 'number' || !Number.isInteger(n)) {
      report({
        check: 'sequence',
        line: event.line,
        event: event.type,
        message: `Found ${n === undefined ? `no \`${this.field}\`` : `\`${this.field}\` ${JSON.stringify(n)}`}, expected an integer${this.previous === undefined ? '' : ` (${this.previous + 1})`}`,
      });
      this.previous = undefined;
      return;
    }
    if (this.previous !== undefined && n !== this.previous + 1) {
      report({
        check: 'sequence',
        line: event.line,
        event: event.type,
        message: `Found \`${this.field}\` ${n}, expected ${this.previous + 1} (previous + 1)`,
      });
    }
    this.previous = n;
  }
}
