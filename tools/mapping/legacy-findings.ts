/**
 * What an imported hand-made mapping says that the code does not bear out, recomputed on every run
 * from the `legacy` record `import` keeps in the manual block (the human's words stay untouched;
 * these sentences are the tool's): a claim of "implemented" for an item found nowhere, "not
 * implemented" for one the code has, and code lines that went stale (the legacy file says
 * `api_server.py:896`, the code has the item at line 912 of that file).
 */
import type { Location, Manual } from './schema.js';

interface LegacyRecord {
  implemented?: unknown;
  code_location?: unknown;
}

interface LegacyPlace {
  file: string;
  line?: number;
  symbol?: string;
}

/** `file.py:symbol`, `file.py:341`, `file.py:341-360`, or `{ file, line, handler }`. */
function legacyPlaces(value: unknown): LegacyPlace[] {
  if (Array.isArray(value)) return value.flatMap(legacyPlaces);
  if (typeof value === 'string') {
    const m = /^([^:\s]+\.[A-Za-z]+)(?::(?:(\d+)(?:-\d+)?|([A-Za-z_][\w.]*)))?$/.exec(value.trim());
    if (!m) return [];
    return [{ file: m[1]!, ...(m[2] ? { line: Number(m[2]) } : {}), ...(m[3] ? { symbol: m[3] } : {}) }];
  }
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.file !== 'string') return [];
    const line = typeof o.line === 'number' ? o.line : typeof o.line === 'string' ? Number(/^\d+/.exec(o.line)?.[0]) : undefined;
    const symbol = [o.handler, o.symbol, o.function, o.class].find((s): s is string => typeof s === 'string');
    return [{ file: o.file, ...(line !== undefined && !Number.isNaN(line) ? { line } : {}), ...(symbol ? { symbol } : {}) }];
  }
  return [];
}

const sameFile = (mine: string, theirs: string): boolean => mine === theirs || mine.endsWith(`/${theirs}`) || theirs.endsWith(`/${mine}`);

export function legacyFindings(manual: Manual | undefined, lanes: Record<string, Location[]>, status: string): string[] {
  const legacy = manual?.legacy as LegacyRecord | undefined;
  if (!legacy || typeof legacy !== 'object') return [];
  const out: string[] = [];
  const found = Object.entries(lanes).filter(([, l]) => l.length > 0);
  if (legacy.implemented === true && status === 'missing')
    out.push('legacy mapping says implemented, but no location was found in any lane');
  if (legacy.implemented === false && found.length)
    out.push(
      `legacy mapping says not implemented, but the code has it in lane${found.length > 1 ? 's' : ''} ${found.map(([n]) => n).join(', ')}`,
    );
  const all = found.flatMap(([, l]) => l);
  for (const place of legacyPlaces(legacy.code_location)) {
    if (place.line === undefined || all.length === 0) continue;
    const inFile = all.filter((l) => sameFile(l.file, place.file));
    const candidates = place.symbol ? inFile.filter((l) => l.symbol === place.symbol || l.symbol.startsWith(`${place.symbol}.`)) : inFile;
    const near = (candidates.length ? candidates : inFile).sort(
      (a, b) => Math.abs(a.line - place.line!) - Math.abs(b.line - place.line!),
    )[0];
    if (!near)
      out.push(
        `legacy code location ${place.file}:${place.line} is stale: the code has it at ${all
          .map((l) => `${l.file}:${l.line}`)
          .slice(0, 3)
          .join(', ')}`,
      );
    else if (near.line !== place.line)
      out.push(`legacy code location ${place.file}:${place.line} is stale: the code has ${near.symbol} at line ${near.line}`);
  }
  return out;
}
