/**
 * Reads the configured source files and hashes them. Kept free of parsers and of Zod so that the
 * hook path (`check` with nothing changed) can hash sources without loading either.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { Config, SourceConfig } from '../config/schema.js';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { SourceInfo } from '../model/schema.js';
import { decodeSource } from './decode.js';
import { inferKind } from './infer-kind.js';
import { checkSourceSize } from './limits.js';

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
      let bytes: Buffer;
      let kind: SourceInfo['kind'];
      try {
        // Size first, from the file system: a page too large to parse in seconds is never read.
        kind = inferKind(abs, source);
        if (!checkSourceSize(statSync(abs).size, kind, path, bag)) continue;
        bytes = readFileSync(abs);
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
      const text = decodeSource(bytes, path, bag);
      if (text === undefined) continue;
      // The hash is of the bytes on disk (for UTF-8 without a BOM, the same as of the text).
      files.push({ config: source, info: { id, kind, path, sha256: sha256(bytes) }, text });
    }
  }
  return files;
}

