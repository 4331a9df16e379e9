import type { Command } from 'commander';
import { registerCheck } from './check.js';
import { registerCompare } from './compare.js';
import { registerCrosscheck } from './crosscheck.js';
import { registerDiff } from './diff.js';
import { registerExtract } from './extract.js';
import { registerGenerate } from './generate.js';
import { registerImport } from './import.js';
import { registerInit } from './init.js';
import { registerMap } from './map.js';
import { registerReport } from './report.js';
import { registerSync } from './sync.js';
import { registerVerify } from './verify.js';
import { registerWhere } from './where.js';

/** One line per command; each registration imports its implementation lazily. */
export function registerCommands(program: Command): void {
  registerInit(program);
  registerSync(program);
  registerCheck(program);
  registerExtract(program);
  registerGenerate(program);
  registerMap(program);
  registerReport(program);
  registerImport(program);
  registerWhere(program);
  registerVerify(program);
  registerDiff(program);
  registerCrosscheck(program);
  registerCompare(program);
}
