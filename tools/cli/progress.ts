/**
 * Long work shows progress on a terminal and stays quiet in CI, in pipes and with `--json`.
 * Progress goes to stderr so stdout stays a clean result.
 */
export interface Progress {
  step(label: string): void;
  done(): void;
}

export function progressEnabled(json: boolean): boolean {
  return !json && Boolean(process.stderr.isTTY) && !process.env.CI;
}

export function createProgress(enabled: boolean): Progress {
  if (!enabled) return { step: () => {}, done: () => {} };
  let shown = false;
  return {
    step(label) {
      process.stderr.write(`\r\x1b[2K${label}`);
      shown = true;
    },
    done() {
      if (shown) process.stderr.write('\r\x1b[2K');
      shown = false;
    },
  };
}
