/**
 * Observed evidence: recorded streams (JSON Lines, or SSE `data:` lines) read for which events a
 * running server actually sent, how often, first where, and with which top-level fields; a
 * `<trace>.request.json` beside a recording tells which `include` values were asked for. Pure:
 * texts in, observations out.
 */
import type { Observed } from './types.js';

export interface Recording {
  /** How the file is named in outputs (relative to the config folder). */
  file: string;
  text: string;
  /** The request that produced it, when a sidecar gives one. */
  request?: unknown;
}

export interface Observations {
  /** Event type → what was seen. */
  events: Map<string, Observed & { fields: string[] }>;
  /** Request parameter → include-like values asked for (`include` → `file_search_call.results`). */
  requestValues: Map<string, Map<string, Observed>>;
  /** Lines that were not JSON events: `file:line`. */
  unreadable: string[];
}

export function observe(recordings: readonly Recording[]): Observations {
  const events = new Map<string, Observed & { fields: string[] }>();
  const requestValues = new Map<string, Map<string, Observed>>();
  const unreadable: string[] = [];
  for (const r of recordings) {
    const lines = r.text.replace(/^\uFEFF/, '').split(/\r?\n/);
    lines.forEach((raw, i) => {
      let payload = raw.trim();
      if (payload === '' || payload.startsWith(':') || /^(event|id|retry):/.test(payload)) return;
      if (payload.startsWith('data:')) payload = payload.slice(5).trim();
      if (payload === '[DONE]') return;
      let json: unknown;
      try {
        json = JSON.parse(payload);
      } catch {
        unreadable.push(`${r.file}:${i + 1}`);
        return;
      }
      if (!json || typeof json !== 'object' || Array.isArray(json)) return;
      const type = (json as Record<string, unknown>).type;
      if (typeof type !== 'string') return;
      const seen = events.get(type);
      const fields = Object.keys(json);
      if (seen) {
        seen.count++;
        for (const f of fields) if (!seen.fields.includes(f)) seen.fields.push(f);
      } else events.set(type, { count: 1, first: `${r.file}:${i + 1}`, fields });
    });
    if (r.request && typeof r.request === 'object') {
      for (const [param, value] of Object.entries(r.request as Record<string, unknown>)) {
        const values = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
        for (const v of values) {
          if (typeof v !== 'string') continue;
          const byValue = requestValues.get(param) ?? requestValues.set(param, new Map()).get(param)!;
          const seen = byValue.get(v);
          if (seen) seen.count++;
          else byValue.set(v, { count: 1, first: `${r.file}.request.json:1` });
        }
      }
    }
  }
  for (const e of events.values()) e.fields.sort();
  return { events, requestValues, unreadable };
}
