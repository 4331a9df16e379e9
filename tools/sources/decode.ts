/**
 * Source bytes → text, refusing what would silently change it. A UTF-8 byte order mark is dropped
 * (it is not content: kept, it shifted every description by one character and hid the first
 * heading). Bytes that are not UTF-8 (a Latin-1 page, a UTF-16 file) are an error at the first bad
 * byte, with its offset: decoding them as U+FFFD would put replacement characters into the model
 * and the generated code without a word.
 */
import { isUtf8 } from 'node:buffer';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';

const BOM = [0xef, 0xbb, 0xbf] as const;

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence (RFC 3629), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8 either.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}

/** 1-based line and column (in characters) of a byte offset into valid-up-to-there UTF-8. */
export function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  const column = Buffer.from(bytes.buffer, bytes.byteOffset + start, offset - start).toString('utf8').length + 1;
  return { line, column };
}

/**
 * The bytes of the text (after a byte order mark, if any) when they are UTF-8, so that decoding
 * them cannot fail; else undefined, with an error in `bag`.
 */
export function utf8Body(bytes: Uint8Array, file: string, bag: DiagnosticBag): Buffer | undefined {
  const bom = bytes.length >= 3 && BOM.every((b, i) => bytes[i] === b);
  const body = bom ? bytes.subarray(3) : bytes;
  if (isUtf8(body)) return Buffer.from(body.buffer, body.byteOffset, body.length);
  const bad = firstInvalidUtf8(body);
  const offset = bad + (bom ? 3 : 0);
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const byte = `0x${bytes[offset]!.toString(16).toUpperCase().padStart(2, '0')}`;
  bag.error({
    code: 'source-not-utf8',
    file,
    ...bytePosition(body, bad),
    message: utf16
      ? `Found a UTF-16 byte order mark (${byte} at byte offset 0), expected UTF-8 text`
      : `Found byte ${byte} at byte offset ${offset} that is not valid UTF-8, expected UTF-8 text`,
    hint: utf16
      ? `convert the file to UTF-8, e.g. \`iconv -f UTF-16 -t UTF-8 ${file}\``
      : `convert the file to UTF-8; a Latin-1 (ISO-8859-1) file converts with \`iconv -f LATIN1 -t UTF-8 ${file}\``,
  });
  return undefined;
}
