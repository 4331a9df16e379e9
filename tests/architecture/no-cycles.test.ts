/**
 * The folders of tools/ form layers: no folder imports (statically or with `import()`) a folder that
 * imports it back, directly or through others. A cycle means two stages know each other, and the
 * canonical model stops being the only contract between them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const TOOLS = resolve(import.meta.dirname, '../../tools');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

const folderOf = (file: string): string => relative(TOOLS, file).split('/')[0]!.replace(/\.ts$/, '') || '.';

/** Folder → the folders it imports, with one example import per edge. */
function folderEdges(): Map<string, Map<string, string>> {
  const edges = new Map<string, Map<string, string>>();
  for (const file of sourceFiles(TOOLS)) {
    const from = folderOf(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'";]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g)) {
      const target = resolve(dirname(file), m[1] ?? m[2]!);
      if (!target.startsWith(TOOLS + '/')) continue;
      const to = folderOf(target);
      if (to === from) continue;
      const out = edges.get(from) ?? edges.set(from, new Map()).get(from)!;
      if (!out.has(to)) out.set(to, `${relative(TOOLS, file)} imports ${m[1] ?? m[2]}`);
    }
  }
  return edges;
}

function cycles(edges: Map<string, Map<string, string>>): string[] {
  const found = new Set<string>();
  for (const start of edges.keys()) {
    const stack: [string, string[]][] = [[start, [start]]];
    while (stack.length) {
      const [node, path] = stack.pop()!;
      for (const next of edges.get(node)?.keys() ?? []) {
        if (next === start) {
          const i = path.indexOf([...path].sort()[0]!);
          found.add(
            [...path.slice(i), ...path.slice(0, i)]
              .map((f, k, all) => `${f} (${edges.get(f)!.get(all[(k + 1) % all.length]!)})`)
              .join(' → '),
          );
        } else if (!path.includes(next)) stack.push([next, [...path, next]]);
      }
    }
  }
  return [...found].sort();
}

describe('tools/ folders', () => {
  it('import each other without cycles', () => {
    const edges = folderEdges();
    expect(edges.size).toBeGreaterThan(10);
    expect(cycles(edges)).toEqual([]);
  });

  it('would notice a cycle', () => {
    const edges = new Map([
      ['a', new Map([['b', 'a.ts imports ../b']])],
      ['b', new Map([['a', 'b.ts imports ../a']])],
    ]);
    expect(cycles(edges)).toEqual(['a (a.ts imports ../b) → b (b.ts imports ../a)']);
  });
});
