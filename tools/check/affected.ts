/**
 * Staged-files awareness: in a hook, run only the parts of the check that the staged files can
 * affect. Paths are compared relative to the config folder.
 */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { PipelineInputs } from '../pipeline/inputs.js';

export type CheckPart = 'sources' | 'generated' | 'mapping';

export function partsAffectedBy(files: readonly string[], inputs: PipelineInputs): CheckPart[] {
  const rel = new Set(files.map((f) => relative(inputs.root, resolve(f)).split('\\').join('/')));
  const any = (paths: readonly string[]) => paths.some((p) => rel.has(p));
  const under = (dir: string) => [...rel].some((p) => p === dir || p.startsWith(dir.replace(/\/?$/, '/')));
  // A deleted file may be a recorded location or a source: nothing can be ruled out.
  if (files.some((f) => !existsSync(resolve(inputs.root, f)))) return ['sources', 'generated', 'mapping'];
  const parts = new Set<CheckPart>();
  const config = [...rel].some((p) => /(^|\/)specmap\.config\.json$/.test(p));
  if (config || any(inputs.sourcePaths)) for (const p of ['sources', 'generated', 'mapping'] as const) parts.add(p);
  if (any(inputs.templatePaths) || under(inputs.outDir)) parts.add('generated');
  // Human cells edited in the tracker belong in mapping.json: the mapping part reports them.
  if (
    [...rel].some(
      (p) => p === `${inputs.outDir.replace(/\/+$/, '')}/tracker.md` || (inputs.outDir.replace(/\/+$/, '') === '.' && p === 'tracker.md'),
    )
  )
    parts.add('mapping');
  // The tracker tables show code locations, so code and mapping.json affect generated files too.
  if (any(inputs.codePaths) || rel.has(inputs.mappingPath)) {
    parts.add('mapping');
    parts.add('generated');
  }
  if (rel.has(inputs.modelPath)) parts.add('sources');
  return (['sources', 'generated', 'mapping'] as const).filter((p) => parts.has(p));
}
