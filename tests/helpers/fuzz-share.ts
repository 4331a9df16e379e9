/** A share of generated inputs: how many of them a check took its own way on. */
import fc from 'fast-check';

/**
 * Runs `takes` on `runs` inputs from `inputs` (`FUZZ_RUNS` overrides the count and prints the
 * tally, for long runs by hand) and returns the share it returned true for. `takes` asserts what
 * must hold of every input itself; the share says a test did not pass by declining everything.
 */
export function shareTaken(inputs: fc.Arbitrary<string>, runs: number, takes: (input: string) => boolean, label: string): number {
  let taken = 0;
  let total = 0;
  fc.assert(
    fc.property(inputs, (input) => {
      total++;
      if (takes(input)) taken++;
    }),
    { numRuns: Number(process.env.FUZZ_RUNS ?? runs) },
  );
  if (process.env.FUZZ_RUNS) console.log(`${label}: ${taken} of ${total}`);
  return taken / total;
}
