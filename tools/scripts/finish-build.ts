/**
 * What `tsc` does not do for the build. The CLI entry becomes executable: tsc writes every file
 * without the execute bit, and `npx specmap` in a fresh clone runs `dist/cli.js` through its bin
 * link (npm sets the bit only on packages it installs). And the Python grammar's wasm (and its
 * licence) is copied from the dev dependency tree-sitter-python into dist/grammars/. The package
 * ships that file and nothing else of the grammar: the dependency's own install script builds a
 * native binding specmap never loads, and an install script is something every user of the
 * package would have to approve. Last, the CLI is bundled into `dist/cli.bundle.cjs`, which the
 * binary runs through a V8 code cache (tools/cli/load-run-cli.ts).
 */
import { build, transform, type Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import Handlebars from 'handlebars';
import { TEMPLATE_OPTIONS } from '../generate/templates.js';
import { builtCodeCacheDir, codeCacheName, runCompiled, wrapCommonJs } from '../cache/code-cache.js';
import { identityRecord, TOOL_IDENTITY_FILE } from '../cache/tool-hash.js';

const require = createRequire(import.meta.url);
const wasm = require.resolve('tree-sitter-python/tree-sitter-python.wasm');
const out = fileURLToPath(new URL('../grammars/', import.meta.url));
mkdirSync(out, { recursive: true });
const target = join(out, 'tree-sitter-python.wasm');
// Same bytes, no write: a build that changes nothing leaves mtimes alone.
const bytes = readFileSync(wasm);
let same = false;
try {
  same = readFileSync(target).equals(bytes);
} catch {
  same = false;
}
if (!same) copyFileSync(wasm, target);
const licence = readFileSync(join(dirname(wasm), 'LICENSE'), 'utf8');
writeFileSync(
  join(out, 'tree-sitter-python.LICENSE'),
  `tree-sitter-python.wasm is built from tree-sitter-python (https://github.com/tree-sitter/tree-sitter-python):\n\n${licence}`,
);

chmodSync(fileURLToPath(new URL('../cli.js', import.meta.url)), 0o755);

const dist = fileURLToPath(new URL('..', import.meta.url));
const repo = join(dist, '..');

/**
 * `import.meta.url` does not exist in a CommonJS bundle: each module's becomes its own file's URL
 * again, found from the bundle's (`__bundleURL`, set in its first line), so that the paths a module
 * finds beside itself (templates, profiles, the grammar, package.json) are the ones it finds unbundled.
 * A dependency's becomes the bundle's own.
 */
const moduleUrls: Plugin = {
  name: 'module-urls',
  setup(b) {
    b.onLoad({ filter: /\.[cm]?js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta')) return undefined;
      const own = args.path.startsWith(dist) ? `./${relative(dist, args.path).split('\\').join('/')}` : './cli.bundle.cjs';
      return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(own)}, __bundleURL).href`), loader: 'js' };
    });
  },
};

/**
 * The built-in templates, precompiled into the module tsc wrote empty
 * (generate/precompiled-templates.ts), before the bundle takes it in: compiling the nine templates
 * is 20-40 ms of every cold `sync`, `check` or `generate`, before V8 has optimised the compiler.
 */
{
  const templateDir = join(repo, 'templates');
  const entries = readdirSync(templateDir)
    .filter((name) => name.endsWith('.hbs'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(templateDir, name), 'utf8');
      return `  // ${name}\n  { text: ${JSON.stringify(text)}, spec: ${Handlebars.precompile(text, TEMPLATE_OPTIONS)} },\n`;
    });
  const module = `// Written by specmap's build (scripts/finish-build.ts) from templates/: see generate/precompiled-templates.ts.\nexport const PRECOMPILED_WITH = ${JSON.stringify(Handlebars.VERSION)};\nexport const PRECOMPILED = [\n${entries.join('')}];\n`;
  writeFileSync(join(dist, 'generate/precompiled-templates.js'), module);
}

await build({
  entryPoints: [join(dist, 'cli/run-cli.js')],
  outfile: join(dist, 'cli.bundle.cjs'),
  // Paths in the bundle's comments are read from here: the same bytes wherever the repository is.
  absWorkingDir: repo,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Loaded as they are: the compiler through its own code cache, the parser with its WebAssembly beside it.
  external: ['typescript', 'web-tree-sitter'],
  // A dynamic `import()` left in the bundle would fail where it runs (a `vm.Script`, which Node 20
  // gives no module loader): the external ones become `require`s, which both packages answer.
  supported: { 'dynamic-import': false },
  banner: { js: "const __bundleURL = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [moduleUrls],
  // Any other use of `import.meta` would be empty in the bundle: the build fails instead.
  logOverride: { 'empty-import-meta': 'error' },
  logLevel: 'warning',
  // Every run reads, hashes and compiles the whole bundle before it does anything: without comments
  // and indentation it is ~30% smaller, and in ASCII alone V8 holds it as a one-byte string (any
  // other character makes the whole text two bytes a character, slower to decode and to compile
  // through the code cache). Names stay, for stack traces and profiles. Together ~35 ms off a
  // warm `map` on a Python tree (measured, README: Benchmarks).
  minifyWhitespace: true,
  minifySyntax: true,
  charset: 'ascii',
  legalComments: 'eof',
});

// `charset: 'ascii'` escapes strings and identifiers, not regular expressions: a source character
// outside ASCII there (or in a licence comment) fails the build instead of slowing every run.
const bundleText = readFileSync(join(dist, 'cli.bundle.cjs'), 'latin1');
const wide = bundleText.search(/[^\x00-\x7f]/);
if (wide >= 0) {
  const context = Buffer.from(bundleText.slice(Math.max(0, wide - 60), wide + 20), 'latin1').toString('utf8');
  throw new Error(
    `dist/cli.bundle.cjs holds a character outside ASCII near: ${JSON.stringify(context)}; expected ASCII only. Write it as a \\u escape in the source.`,
  );
}

/**
 * The TypeScript compiler the analyzer parses with, minified into dist/vendor/typescript.cjs. A cold
 * run on a TypeScript tree reads, decodes and compiles the whole 9 MB file before its first parse;
 * minified it is ~3.6 MB, in ASCII (a one-byte string), and that start is ~50 ms shorter (measured,
 * README: Benchmarks). Only the parser is used, which needs none of the files beside the compiler.
 * Its licence comment stays at its head, and its licence and notices are copied beside it. Made
 * again only when the installed compiler's bytes differ from those the copy records.
 */
const tsFile = require.resolve('typescript');
const tsBytes = readFileSync(tsFile);
const tsVersion = (JSON.parse(readFileSync(join(dirname(tsFile), '..', 'package.json'), 'utf8')) as { version: string }).version;
const tsStamp = `/* typescript ${tsVersion}, minified by specmap's build from the file with sha256 ${createHash('sha256').update(tsBytes).digest('hex')} */\n`;
const vendor = join(dist, 'vendor');
const vendored = join(vendor, 'typescript.cjs');
let vendoredHead = '';
try {
  vendoredHead = readFileSync(vendored, 'latin1').slice(0, tsStamp.length);
} catch {
  vendoredHead = '';
}
if (vendoredHead !== tsStamp) {
  const { code } = await transform(tsBytes.toString('utf8'), { loader: 'js', minify: true, charset: 'ascii', legalComments: 'inline' });
  mkdirSync(vendor, { recursive: true });
  writeFileSync(vendored, tsStamp + code);
}
for (const notice of ['LICENSE.txt', 'ThirdPartyNoticeText.txt']) {
  copyFileSync(join(dirname(tsFile), '..', notice), join(vendor, `typescript.${notice}`));
}

/**
 * Code caches of the two large files every run compiles (the CLI's bundle; the compiler, on a
 * TypeScript tree), made here with this Node version and left beside each file in `v8/`
 * (cache/code-cache.ts `builtCodeCacheDir`). A run keeps its own caches in `node_modules/.cache/`,
 * which `npm ci` deletes: the first run after an install, every CI job's, would compile both
 * files whole (~0.1 s of a Python tree's cold run, ~0.25 s of a TypeScript tree's). Each file is run as a run loads it,
 * the bundle then runs the example workspace (`exerciseCli`), and the compiler parses the
 * analyzer's own sources, so that each cache holds the code a run runs. Made again only when the
 * file or the Node version changed.
 */
async function shipCodeCache(filename: string, label: string, exercise: (exports: unknown) => unknown = () => {}): Promise<void> {
  const bytes = readFileSync(filename);
  const name = codeCacheName(label, createHash('sha256').update(bytes).digest('hex'));
  const dir = builtCodeCacheDir(filename);
  if (existsSync(join(dir, name))) return;
  const script = new Script(wrapCommonJs(bytes.toString('utf8')), { filename });
  await exercise(runCompiled(script, filename));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), script.createCachedData());
}

/**
 * What the CLI's cache is made after: a cold `sync`, then a `check`, of the example workspace
 * (examples/workspace, our own code in Python and TypeScript, and its traces) against a docs page
 * of our own words, run by the bundle itself with its outputs in a temporary folder. A code cache
 * made after a script has run holds the code of every function it ran, so the first run after an
 * install (every CI job's) starts with the parsers', the analyzer's, the generators' and the
 * check's code compiled, not only the bundle's top level. Outside the repository (no example
 * workspace) the top level alone is cached; a run that fails here leaves less in it, and says so.
 */
async function exerciseCli(exports: unknown): Promise<void> {
  const workspace = join(repo, 'examples', 'workspace');
  if (!existsSync(workspace)) return;
  const dir = mkdtempSync(join(tmpdir(), 'specmap-build-'));
  const { runCli } = exports as { runCli: (args: readonly string[], options: { cwd?: string }) => Promise<number> };
  const writes = [process.stdout.write, process.stderr.write] as const;
  const exitCode = process.exitCode;
  let failure: string | undefined;
  try {
    writeFileSync(join(dir, 'DOC_streaming_events.md'), EXERCISE_DOCS);
    const lanes = [
      {
        name: 'backend',
        title: 'Backend',
        include: ['backend/**/*.py'],
        exclude: ['backend/tests/**'],
        kinds: [...STREAM, 'route', 'param'],
      },
      { name: 'web', title: 'Web', include: ['web/src/**/*.ts'], exclude: ['web/**/*.test.ts'], kinds: STREAM },
      { name: 'tests', title: 'Tests', include: ['traces/**/*', 'backend/tests/**/*.py', 'web/**/*.test.ts'], kinds: ['test'] },
    ];
    const config = { sources: [{ path: 'DOC_streaming_events.md' }], workspace: relative(dir, workspace), lanes };
    writeFileSync(join(dir, 'specmap.config.json'), JSON.stringify(config, null, 2));
    // Quiet: what the runs print is not the build's to show.
    process.stdout.write = (() => true) as typeof process.stdout.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    const codes: number[] = [];
    for (const command of ['sync', 'check']) codes.push(await runCli([command, '--no-cache', '--allow-outside'], { cwd: dir }));
    // A sync that failed ran little: the cache then holds less, and the build says so.
    if (codes[0] !== 0) throw new Error(`its sync of the example workspace exited ${codes[0]}`);
  } catch (error) {
    failure = (error as Error).message;
  } finally {
    [process.stdout.write, process.stderr.write] = writes;
    process.exitCode = exitCode;
    rmSync(dir, { recursive: true, force: true });
  }
  if (failure !== undefined) console.warn(`warning: the CLI's code cache holds less of its code than it should (${failure})`);
}

const STREAM = ['definition', 'emitter', 'handler'];

/** Two events and the endpoint that streams them, in the scraped pages' layout, in our own words. */
const EXERCISE_DOCS = `# Streaming events

## Create a response

posthttps://api.example.test/v1/responses

Starts a response, streamed as events.

#### Request body

model

string

Required

Which model answers.

previous\\_response\\_id

string

Optional

The response this one follows.

#### Returns

A stream of events.

## response.created

The stream's opening event.

sequence\\_number

integer

Where the event stands in its stream, from 0.

type

string

Always \`response.created\`.

## response.output\\_text.delta

Sent for each piece of text.

delta

string

The piece of text.

sequence\\_number

integer

Where the event stands in its stream, from 0.

type

string

Always \`response.output_text.delta\`.
`;

await shipCodeCache(join(dist, 'cli.bundle.cjs'), 'cli', exerciseCli);
await shipCodeCache(vendored, 'typescript', (exports) => {
  const ts = exports as typeof import('typescript');
  const sources = join(repo, 'tools', 'analyzer', 'typescript');
  for (const name of existsSync(sources) ? readdirSync(sources) : [])
    if (name.endsWith('.ts')) ts.createSourceFile(name, readFileSync(join(sources, name), 'utf8'), ts.ScriptTarget.Latest, true);
});

// Last, once every file it hashes is written: what the CLI's bundle, the modules and the sources
// they were built from each hash to, so every way of running this build names it alike
// (tool-hash.ts, toolIdentity).
writeFileSync(
  join(dist, TOOL_IDENTITY_FILE),
  identityRecord(
    dist,
    join(repo, 'tools'),
    createHash('sha256')
      .update(readFileSync(join(dist, 'cli.bundle.cjs')))
      .digest('hex'),
  ) + '\n',
);
