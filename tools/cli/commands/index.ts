import type { Command } from 'commander';
import { registerExtract } from './extract.js';
import { registerGenerate } from './generate.js';

/** One line per command; each registration imports its implementation lazily. */
export function registerCommands(program: Command): void {
  registerExtract(program);
  registerGenerate(program);
}
