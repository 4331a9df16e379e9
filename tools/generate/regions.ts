/**
 * Files a developer fills in (stub handlers, Python builders) are made of regions:
 *
 *   // specmap:begin response.created sha256=0123456789ab
 *   …body…
 *   // specmap:end response.created
 *
 * The marker records a hash of the body as specmap generated it. On regeneration a region whose
 * body still has that hash is untouched and is regenerated; a region whose body hashes differently
 * was edited by a human and is kept byte for byte, as are edited regions of items that no longer
 * exist (DESIGN.md "Never": overwrite a human's words). New items get new regions. Text outside
 * regions is generated and always replaced.
 */
import { createHash } from 'node:crypto';
import { markerKey } from './escape.js';

export interface Region {
  key: string;
  body: string;
}

export interface ParsedRegion extends Region {
  hash: string;
  edited: boolean;
  /** The region exactly as found, markers included. */
  text: string;
}

function bodyHash(body: string): string {
  return createHash('sha256').update(body).digest('hex').slice(0, 12);
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The key is written through `markerKey`: an event type with a line break cannot end the marker comment. */
export function renderRegion(comment: string, region: Region): string {
  const key = markerKey(region.key);
  return `${comment} specmap:begin ${key} sha256=${bodyHash(region.body)}\n${region.body}\n${comment} specmap:end ${key}`;
}

/** Regions as found; `key` is the key as the marker spells it (see `markerKey`). */

export function parseRegions(text: string, comment: string): ParsedRegion[] {
  const c = escapeRe(comment);
  const re = new RegExp(`^${c} specmap:begin (\\S+) sha256=([0-9a-f]+)\\n([\\s\\S]*?)\\n${c} specmap:end \\1$`, 'gm');
  const out: ParsedRegion[] = [];
  for (const m of text.replace(/\r\n/g, '\n').matchAll(re)) {
    const [whole, key, hash, body] = m as unknown as [string, string, string, string];
    out.push({ key, hash, body, edited: bodyHash(body) !== hash, text: whole });
  }
  return out;
}

export interface MergedRegions {
  /** Region texts in output order: generated order, then kept regions of vanished items. */
  texts: string[];
  /** Keys whose edited region was kept. */
  kept: string[];
}

export function mergeRegions(existing: string | undefined, generated: readonly Region[], comment: string): MergedRegions {
  const old = new Map(parseRegions(existing ?? '', comment).map((r) => [r.key, r]));
  const kept: string[] = [];
  const texts = generated.map((g) => {
    const prev = old.get(markerKey(g.key));
    if (prev?.edited) {
      kept.push(g.key);
      return prev.text;
    }
    return renderRegion(comment, g);
  });
  const keys = new Set(generated.map((g) => markerKey(g.key)));
  for (const prev of old.values()) {
    if (!keys.has(prev.key) && prev.edited) {
      kept.push(prev.key);
      texts.push(prev.text);
    }
  }
  return { texts, kept };
}
