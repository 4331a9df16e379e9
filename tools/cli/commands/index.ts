import type { Command } from 'commander';
import { registerCheck } from './check.js';
import { registerExtract } from './extract.js';
import { registerGenerate } from './generate.js';
import { registerSync } from './sync.js';
import { registerVerify } from './verify.js';

/** One line per command; each registration imports its implementation lazily. */
export function registerCommands(program: Command): void {
  registerSync(program);
  registerCheck(program);
  registerExtract(program);
  registerGenerate(program);
  registerVerify(program);
}
