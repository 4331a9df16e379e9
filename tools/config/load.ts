import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { z } from 'zod';
import { ConfigError } from '../diagnostics/errors.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { ConfigSchema, type Config } from './schema.js';

export const DEFAULT_CONFIG_FILE = 'specmap.config.json';

export interface LoadedConfig {
  config: Config;
  /** Absolute path of the config file. */
  path: string;
  /** Absolute folder every relative path in the config is resolved against. */
  root: string;
}

/** Positions of JSON paths, found only when something is wrong (the yaml CST knows JSON). */
async function locate(text: string): Promise<(path: readonly PropertyKey[], key?: boolean) => { line: number; column: number }> {
  const { parseDocument, LineCounter, isMap, isSeq, isPair } = await import('yaml');
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  return (path, key = false) => {
    let node: unknown = doc.contents;
    let offset = 0;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && (p.key as { value?: unknown })?.value === seg);
        if (!pair) break;
        const last = i === path.length - 1;
        const target = (last && key ? pair.key : pair.value) as { range?: [number, number] } | null;
        offset = target?.range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        node = node.items[seg];
        offset = (node as { range?: [number, number] })?.range?.[0] ?? offset;
      } else break;
    }
    const pos = lc.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
}

function describeIssue(issue: z.core.$ZodIssue): { message: string; hint: string; keyPath: readonly PropertyKey[] | undefined } {
  if (issue.code === 'unrecognized_keys') {
    return {
      message: `Unexpected key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')}, expected one of the keys the config schema defines`,
      hint: 'remove the key or fix its spelling (see schema/config.schema.json)',
      keyPath: [...issue.path, issue.keys[0]!],
    };
  }
  return { message: issue.message, hint: 'see schema/config.schema.json for the expected shape', keyPath: undefined };
}

/** Parses and validates config text; every problem becomes a diagnostic with file:line:col. */
export async function parseConfigText(text: string, file: string): Promise<Config> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const at = await locate(text);
    const m = /position (\d+)/.exec(String(error));
    const pos = m ? lineColAt(text, Number(m[1])) : at([]);
    throw new ConfigError(`invalid JSON in ${file}`, [
      { severity: 'error', code: 'config-invalid-json', file, ...pos, message: `Unexpected text: ${(error as Error).message}, expected valid JSON`, hint: 'fix the JSON syntax' },
    ]);
  }
  const result = ConfigSchema.safeParse(raw);
  if (result.success) return result.data;
  const at = await locate(text);
  const diagnostics: Diagnostic[] = result.error.issues.map((issue) => {
    const { message, hint, keyPath } = describeIssue(issue);
    const pos = keyPath ? at(keyPath, true) : at(issue.path);
    const where = issue.path.length ? ` at \`${issue.path.join('.')}\`` : '';
    return { severity: 'error', code: 'config-invalid', file, ...pos, message: `${message}${where}`, hint };
  });
  throw new ConfigError(`invalid config ${file}`, diagnostics);
}

function lineColAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

export async function loadConfig(configPath: string | undefined, cwd = process.cwd()): Promise<LoadedConfig> {
  const path = resolve(cwd, configPath ?? DEFAULT_CONFIG_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ConfigError(`cannot read config ${path}`, [
      {
        severity: 'error',
        code: 'config-missing',
        file: path,
        line: 1,
        column: 1,
        message: `Missing config file \`${path}\`, expected a specmap config`,
        hint: configPath ? 'check the --config path' : 'run `specmap init` or pass --config',
      },
    ]);
  }
  return { config: await parseConfigText(text, path), path, root: dirname(path) };
}
