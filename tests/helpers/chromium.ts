import type { Browser } from 'playwright-core';

/** Debian's Chromium (`.ci/run` installs it); tests that need it skip, with a message, without it. */
export const CHROMIUM = '/usr/bin/chromium';

/** Headless, sandbox-free (CI runs as root), and nothing that reaches the network on its own. */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}
