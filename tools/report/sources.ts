/** The sources a report speaks for: files, hashes, and whether mapping.json was computed from the same bytes. */
import type { Mapping } from '../mapping/schema.js';
import type { Model } from '../model/schema.js';
import type { ReportSource } from './schema.js';
import { getOwn } from '../model/own.js';

export function reportSources(model: Model, mapping: Mapping | undefined): ReportSource[] {
  return model.sources.map((s) => {
    // Keyed by file name, and a file may be called `constructor`: own keys only.
    const mapped = mapping ? getOwn(mapping.sources, s.id) : undefined;
    return { id: s.id, kind: s.kind, path: s.path, sha256: s.sha256, ...(mapped && mapped !== s.sha256 ? { mappingSha256: mapped } : {}) };
  });
}
