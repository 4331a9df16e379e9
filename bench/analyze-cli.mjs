// Whole-process entry for bench/map.ts: model + lanes → analyzeWorkspace, as `map` runs it, minus
// the mapping. Usage: node bench/analyze-cli.mjs ROOT MODEL.json LANES.json CACHEDIR
import { readFileSync } from 'node:fs';
import { analyzeWorkspace } from '../dist/analyzer/index.js';

const [root, modelPath, lanesPath, cacheDir] = process.argv.slice(2);
const model = JSON.parse(readFileSync(modelPath, 'utf8'));
const lanes = JSON.parse(readFileSync(lanesPath, 'utf8'));
const result = await analyzeWorkspace({ root, lanes, model, cacheDir, unknownLiteralPatterns: ['^response\\.[a-z_]+(\\.[a-z_]+)*$'] });
process.stdout.write(`${result.facts.length} facts, ${result.stats.parsed} parsed, ${result.stats.cached} cached, ${result.stats.files} files\n`);
