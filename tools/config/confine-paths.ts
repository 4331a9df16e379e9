/**
 * The config's folders stay inside the project (the folder of the config file), like every output
 * path: an absolute or `../` `cacheDir` would let specmap write anywhere, and a `workspace` of `/`
 * would make it read the whole disk. Links count: the real path is compared. A workspace outside
 * the project is allowed only on request (`--allow-outside`); the analyzer's file-count limit
 * (tools/analyzer/expand-lanes.ts) still bounds what it reads.
 */
import { resolve } from 'node:path';
import { ConfigError } from '../diagnostics/errors.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isRealPathInside, isWithin, realPathOf } from '../io/confine.js';
import { scanJsonPositions } from '../io/json-positions.js';
import type { Config } from './schema.js';

function inside(root: string, path: string): boolean {
  return isWithin(resolve(root), resolve(root, path)) && isRealPathInside(root, resolve(root, path));
}

export function confineConfigPaths(config: Config, root: string, file: string, text: string, allowOutside: boolean): void {
  const problems: Diagnostic[] = [];
  let positions: ReturnType<typeof scanJsonPositions> | undefined;
  const at = (...path: (string | number)[]) => {
    try {
      positions ??= scanJsonPositions(text);
      return positions.locate(path);
    } catch {
      return { line: 1, column: 1 };
    }
  };
  const real = (p: string) => realPathOf(resolve(root, p));
  // The cache folder is written on every run; it is never allowed outside.
  if (!inside(root, config.cacheDir)) {
    problems.push({
      severity: 'error',
      code: 'config-path-outside-project',
      file,
      ...at('cacheDir'),
      message: `Found \`cacheDir\` \`${config.cacheDir}\` resolving to \`${real(config.cacheDir)}\`, expected a folder inside the project \`${realPathOf(root)}\``,
      hint: 'use a relative folder such as `.specmap/cache`',
    });
  }
  if (!allowOutside && !inside(root, config.workspace)) {
    problems.push({
      severity: 'error',
      code: 'config-path-outside-project',
      file,
      ...at('workspace'),
      message: `Found \`workspace\` \`${config.workspace}\` resolving to \`${real(config.workspace)}\`, expected a folder inside the project \`${realPathOf(root)}\``,
      hint: 'point `workspace` at a folder inside the project, or pass --allow-outside to analyze that folder on purpose',
    });
  }
  // Per-implementation folders (a config that maps several code bases) are confined alike.
  const implementations = config.implementations ?? [];
  implementations.forEach((impl, i) => {
    if (impl.workspace !== undefined && !allowOutside && !inside(root, impl.workspace)) {
      problems.push({
        severity: 'error',
        code: 'config-path-outside-project',
        file,
        ...at('implementations', i, 'workspace'),
        message: `Found \`implementations[${i}].workspace\` \`${impl.workspace}\` resolving to \`${real(impl.workspace)}\`, expected a folder inside the project \`${realPathOf(root)}\``,
        hint: 'point it at a folder inside the project, or pass --allow-outside to analyze that folder on purpose',
      });
    }
    if (impl.mapping !== undefined && !inside(root, impl.mapping)) {
      problems.push({
        severity: 'error',
        code: 'config-path-outside-project',
        file,
        ...at('implementations', i, 'mapping'),
        message: `Found \`implementations[${i}].mapping\` \`${impl.mapping}\` resolving to \`${real(impl.mapping)}\`, expected a file inside the project \`${realPathOf(root)}\``,
        hint: 'use a path relative to the config file, inside the project',
      });
    }
  });
  if (problems.length)
    throw new ConfigError(`${file}: ${problems.length === 1 ? 'a path leads' : 'paths lead'} outside the project`, problems);
}
