/**
 * Reads the configured source files and hashes them. Kept free of parsers and of Zod so that the
 * hook path (`check` with nothing changed) can hash sources without loading either.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { Config, SourceConfig } from '../config/schema.js';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { SourceInfo } from '../model/schema.js';
import { inferKind } from './infer-kind.js';

export interface SourceFile {
  config: SourceConfig;
  info: SourceInfo;
  text: string;
}

export const sha256 = (text: string | Uint8Array): string => createHash('sha256').update(text).digest('hex');

const toPosix = (p: string): string => p.split('\\').join('/');

/** Expands globs and reads every source; missing files are diagnostics. */
export async function readSources(config: Config, root: string, bag: DiagnosticBag): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  const ids = new Map<string, string>();
  for (const [index, source] of config.sources.entries()) {
    const paths = isDynamicPattern(source.path)
      ? (await glob(source.path, { cwd: root, absolute: true })).sort()
      : [resolve(root, source.path)];
    if (!paths.length) {
      bag.error({
        code: 'source-missing',
        file: 'specmap.config.json',
        line: 1,
        column: 1,
        message: `Found no file for sources[${index}].path \`${source.path}\`, expected at least one`,
        hint: 'fix the path or glob (it is relative to the config file)',
      });
    }
    for (const abs of paths) {
      const path = toPosix(relative(root, abs));
      let text: string;
      try {
        text = readFileSync(abs, 'utf8');
      } catch {
        bag.error({
          code: 'source-missing',
          file: path,
          line: 1,
          column: 1,
          message: `Missing source file \`${path}\`, expected a readable file (sources[${index}])`,
          hint: 'fix the path in specmap.config.json (it is relative to the config file)',
        });
        continue;
      }
      const id = basename(abs);
      const clash = ids.get(id);
      if (clash) {
        bag.error({
          code: 'source-id-clash',
          file: path,
          line: 1,
          column: 1,
          message: `Found a second source named \`${id}\` (first: ${clash}), expected unique file names: anchors cite files by name`,
          hint: 'rename one of the files or configure only one',
        });
        continue;
      }
      ids.set(id, path);
      files.push({ config: source, info: { id, kind: inferKind(abs, source), path, sha256: sha256(text) }, text });
    }
  }
  return files;
}

