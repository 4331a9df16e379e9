/**
 * Where a bare TypeScript specifier leads in the workspace: the project's `paths` (with `extends`,
 * `baseUrl` and project references), and the workspace's packages by name, sources before the built
 * files their manifests name. The module graph tries the stems in order, as it does a relative one.
 */
import { describe, expect, it } from 'vitest';
import { ModuleGraph } from '../../tools/analyzer/bindings.js';
import { parseJsonc, tsResolution } from '../../tools/analyzer/ts-resolution.js';

function resolver(files: Record<string, string>) {
  const read = (f: string) => files[f];
  const exists = (f: string) => f in files;
  return { resolution: tsResolution(read, exists, Object.keys(files)), exists };
}

describe('tsResolution', () => {
  it('fills a `paths` pattern relative to the config that declares it, or to its `baseUrl`', () => {
    const { resolution } = resolver({
      'app/tsconfig.json':
        '{ "extends": "./tsconfig.base.json", "compilerOptions": { "paths": { "@/*": ["./src/*"], "@logger": ["src/log/index.ts"] } } }',
      'app/tsconfig.base.json': '{ "compilerOptions": { "baseUrl": "./lib" } }',
      'app/src/main.ts': '',
      'other/tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "~/*": ["code/*"] } } }',
      'other/code/x.ts': '',
    });
    expect(resolution.stems('app/src/main.ts', '@/types/sdk')).toEqual(['app/lib/src/types/sdk', 'app/lib/@/types/sdk']);
    expect(resolution.stems('app/src/main.ts', '@logger')).toEqual(['app/lib/src/log/index.ts', 'app/lib/@logger']);
    expect(resolution.stems('other/code/x.ts', '~/y')).toEqual(['other/code/y', 'other/~/y']);
  });

  it('reads a JavaScript project’s `jsconfig.json` as a `tsconfig.json`', () => {
    const { resolution } = resolver({
      'api/jsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "~/*": ["./*"] } } }',
      'api/server/routes.js': '',
    });
    expect(resolution.stems('api/server/routes.js', '~/server/controllers/x')).toEqual([
      'api/server/controllers/x',
      'api/~/server/controllers/x',
    ]);
  });

  it('reads the configs a root config references, and comments and trailing commas in them', () => {
    const { resolution } = resolver({
      'tsconfig.json': '{ "files": [], "references": [{ "path": "./tsconfig.web.json" }, { "path": "./server" }] }',
      'tsconfig.web.json': '{\n  // renderer\n  "compilerOptions": { "paths": { "@renderer/*": ["./src/renderer/*"], }, },\n}',
      'server/tsconfig.json': '{ "compilerOptions": { "paths": { "#db": ["./db/index.ts"] } } }',
      'src/renderer/app.ts': '',
    });
    expect(resolution.stems('src/renderer/app.ts', '@renderer/types/sdk')).toEqual(['src/renderer/types/sdk']);
    expect(resolution.stems('src/renderer/app.ts', '#db')).toEqual(['server/db/index.ts']);
    expect(resolution.stems('src/renderer/app.ts', 'zod')).toEqual([]);
  });

  it('finds a workspace package by name, its sources first, a subpath too', () => {
    const { resolution } = resolver({
      'packages/utils/package.json': JSON.stringify({
        name: '@acme/utils',
        main: './dist/index.js',
        exports: { '.': { types: './dist/index.d.ts' }, './test': { import: './dist/test/index.mjs' } },
      }),
      'packages/utils/src/index.ts': '',
      'packages/app/package.json': JSON.stringify({ name: 'app' }),
      'packages/app/src/main.ts': '',
    });
    expect(resolution.stems('packages/app/src/main.ts', '@acme/utils')).toEqual([
      'packages/utils/src/index',
      'packages/utils/index',
      'packages/utils/dist/index',
    ]);
    expect(resolution.stems('packages/app/src/main.ts', '@acme/utils/test')).toEqual([
      'packages/utils/src/test',
      'packages/utils/test',
      'packages/utils/src/test/index',
      'packages/utils/dist/test/index',
    ]);
    expect(resolution.stems('packages/app/src/main.ts', '@acme/other')).toEqual([]);
  });

  it('lets the module graph resolve a bare import to the workspace file, and leave the rest external', () => {
    const files = {
      'tsconfig.json': '{ "compilerOptions": { "paths": { "@app/*": ["./src/*"] } } }',
      'src/types.ts': '',
      'src/main.ts': '',
    };
    const { resolution, exists } = resolver(files);
    const graph = new ModuleGraph(new Map(), exists, resolution);
    expect(graph.resolveModule('src/main.ts', '@app/types')).toEqual({ file: 'src/types.ts' });
    expect(graph.resolveModule('src/main.ts', '@app/missing')).toEqual({ external: '@app/missing' });
    expect(graph.resolveModule('src/main.ts', 'openai')).toEqual({ external: 'openai' });
  });
});

describe('parseJsonc', () => {
  it('keeps `//` and `/*` inside strings, drops comments and trailing commas, and gives up on anything else', () => {
    expect(parseJsonc('{ "a": "http://x/*", /* note */ "b": [1, 2,], // end\n }')).toEqual({ a: 'http://x/*', b: [1, 2] });
    expect(parseJsonc('{ "a": "x\\"," , }')).toEqual({ a: 'x",' });
    expect(parseJsonc('{ a: 1 }')).toBeUndefined();
    expect(parseJsonc(undefined)).toBeUndefined();
  });
});
