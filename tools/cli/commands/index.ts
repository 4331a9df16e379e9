import type { Command } from 'commander';
import { registerExtract } from './extract.js';

/** One line per command; each registration imports its implementation lazily. */
export function registerCommands(program: Command): void {
  registerExtract(program);
}
