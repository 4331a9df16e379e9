/**
 * Reads the configured source files and hashes them. Kept free of parsers and of Zod so that the
 * hook path (`check` with nothing changed) can hash sources without loading either.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync, type Stats } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { Config, SourceConfig } from '../config/schema.js';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { SourceInfo } from '../model/schema.js';
import { rememberRead } from '../io/read-hashes.js';
import { utf8Body } from './decode.js';
import { inferKind } from './infer-kind.js';
import { checkSourceSize } from './limits.js';

export interface SourceFile {
  config: SourceConfig;
  info: SourceInfo;
  text: string;
}

export const sha256 = (text: string | Uint8Array): string => createHash('sha256').update(text).digest('hex');

const toPosix = (p: string): string => p.split('\\').join('/');

/**
 * One source file's bytes and text, or undefined when it is over the size limit for its kind
 * (checked on the file system first: a page too large to parse in seconds is never read); text is
 * undefined when the bytes are not UTF-8. Problems go to `bag`; a missing file throws.
 */
export function readSourceFile(
  abs: string,
  path: string,
  kind: SourceInfo['kind'],
  bag: DiagnosticBag,
): { bytes: Buffer; text: string | undefined } | undefined {
  const read = readSourceBytes(abs, path, kind, bag);
  return read && { bytes: read.bytes, text: read.body?.toString('utf8') };
}

/** As `readSourceFile`, with the text's bytes (none when they are not UTF-8) instead of the text. */
function readSourceBytes(
  abs: string,
  path: string,
  kind: SourceInfo['kind'],
  bag: DiagnosticBag,
): { bytes: Buffer; body: Buffer | undefined; st: Stats; lookedAt: number } | undefined {
  const st = statSync(abs);
  if (!checkSourceSize(st.size, kind, path, bag)) return undefined;
  const lookedAt = Date.now();
  const bytes = readFileSync(abs);
  return { bytes, body: utf8Body(bytes, path, bag), st, lookedAt };
}

/**
 * A source whose text is decoded when first read: a run whose model comes from the cache needs
 * only the bytes' hash, and decoding the OpenAPI document and the pages took ~30 ms of it. The
 * bytes were checked to be UTF-8 already, so decoding cannot fail later.
 */
function lazySource(config: SourceConfig, info: SourceInfo, body: Buffer): SourceFile {
  let text: string | undefined;
  return {
    config,
    info,
    get text() {
      text ??= body.toString('utf8');
      return text;
    },
  };
}

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
      const kind = inferKind(abs, source);
      let read: ReturnType<typeof readSourceBytes>;
      try {
        read = readSourceBytes(abs, path, kind, bag);
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
      if (!read || read.body === undefined) continue;
      // The hash is of the bytes on disk (for UTF-8 without a BOM, the same as of the text).
      const digest = sha256(read.bytes);
      // The memo's closing fingerprint would read and hash every source again without this.
      rememberRead(abs, read.st, read.lookedAt, digest);
      files.push(lazySource(source, { id, kind, path, sha256: digest }, read.body));
    }
  }
  return files;
}
