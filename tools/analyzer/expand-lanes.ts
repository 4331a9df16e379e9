/**
 * Lane globs → workspace files (tinyglobby; `node_modules` never). A file that several lanes name
 * is read once; its adapter comes from the first lane whose language accepts it. An include glob
 * that matches nothing is a warning: usually a typo or a moved folder.
 */
import { glob } from 'tinyglobby';
import type { LaneConfig } from '../config/schema.js';
import type { AnalyzerWarning } from './facts.js';
import { languageOf, type FactLanguage } from './file-role.js';

export interface Expanded {
  files: Record<string, string[]>;
  languages: Map<string, FactLanguage>;
}

export async function expandLanes(root: string, lanes: readonly Pick<LaneConfig, 'name' | 'include' | 'exclude' | 'language'>[], warnings: AnalyzerWarning[]): Promise<Expanded> {
  const files: Record<string, string[]> = {};
  const languages = new Map<string, FactLanguage>();
  for (const lane of lanes) {
    const ignore = ['**/node_modules/**', ...(lane.exclude ?? [])];
    const matched = new Set<string>();
    for (const pattern of lane.include) {
      const found = await glob(pattern, { cwd: root, ignore, onlyFiles: true, expandDirectories: false });
      if (found.length === 0) warnings.push({ file: 'specmap.config.json', line: 1, column: 1, message: `Found no file for lane "${lane.name}" glob ${JSON.stringify(pattern)}, expected at least one match under the workspace` });
      for (const f of found) matched.add(f.split('\\').join('/'));
    }
    const laneFiles: string[] = [];
    for (const f of [...matched].sort()) {
      const language = languageOf(f, lane.language ?? 'auto');
      if (!language) continue;
      laneFiles.push(f);
      if (!languages.has(f)) languages.set(f, language);
    }
    files[lane.name] = laneFiles;
  }
  return { files, languages };
}
