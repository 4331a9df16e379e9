/**
 * A starter config from what `scanRepository` found: lanes whose globs match real files, generate
 * targets for the languages present, and the sources found. Pure: the same scan gives the same
 * config, byte for byte.
 */
import picomatch from 'picomatch';
import type { ConfigInput, LaneConfig } from '../config/schema.js';
import { frameworkLanguage, isClientFramework, isServerFramework } from './frameworks.js';
import { codeGlobs, testGlobs, traceGlobs } from './globs.js';
import type { CodeLanguage, RepoScan } from './scan.js';

type LaneInput = Omit<LaneConfig, 'exclude' | 'language'> & Partial<Pick<LaneConfig, 'exclude' | 'language'>>;

export interface Proposal {
  sources: string[];
  /** True when no reference page or OpenAPI document was found and `sources` is a placeholder. */
  placeholderSources: boolean;
  lanes: LaneInput[];
  targets: NonNullable<NonNullable<ConfigInput['generate']>['targets']>;
  implemented: string[];
}

/** Where `sources` points when the repository has no reference pages yet. */
export const PLACEHOLDER_SOURCE = 'docs/DOC_*.md';

const LANGUAGE_EXTS: Record<CodeLanguage, RegExp> = { python: /\.pyi?$/, typescript: /\.[cm]?[jt]sx?$/ };

function laneFor(
  name: string,
  title: string,
  include: string[],
  exclude: string[],
  language: CodeLanguage,
  kinds: LaneConfig['kinds'],
): LaneInput {
  return { name, title, include, ...(exclude.length ? { exclude } : {}), language, kinds };
}

export function proposeConfig(scan: RepoScan, sources?: readonly string[]): Proposal {
  const found = sources?.length ? [...sources] : scan.sources;
  const server = (language: CodeLanguage) =>
    scan.frameworks.some((f) => frameworkLanguage(f.framework) === language && isServerFramework(f.framework));
  // Code that calls the API through its SDK: a route lane holds the calls and the parameters they send.
  const client = (language: CodeLanguage) =>
    scan.frameworks.some((f) => frameworkLanguage(f.framework) === language && isClientFramework(f.framework));
  const lanes: LaneInput[] = [];
  /** Lanes proposed for what they show, not asked of by Implemented. */
  const besides = new Set<string>();
  const py = scan.code.python;
  const ts = scan.code.typescript;
  // Only the test globs that name files inside the lane's folders: an exclude that excludes nothing is noise.
  const excludeFor = (language: CodeLanguage, include: readonly string[]) => {
    const inLane = picomatch([...include]);
    return testGlobs(scan.tests.filter((t) => LANGUAGE_EXTS[language].test(t) && inLane(t)));
  };
  if (py.length) {
    const include = codeGlobs(py);
    const exclude = excludeFor('python', include);
    lanes.push(laneFor('inbound', 'Inbound schema (Python models)', include, exclude, 'python', ['definition']));
    // Code that reads a stream (an SDK, an app on top of one) handles events; a server, or code that
    // shows neither, emits them. A server that also reads one (a proxy, an agent loop) gets both
    // lanes, but only its emitters decide Implemented: what it serves is what it must emit.
    const handles = scan.frameworks.some((f) => f.framework === 'python-handlers');
    if (server('python') || !handles) lanes.push(laneFor('outbound', 'Outbound emitter (Python)', include, exclude, 'python', ['emitter']));
    if (handles) {
      lanes.push(laneFor('handler', 'Reducer / handler (Python)', include, exclude, 'python', ['handler']));
      if (server('python')) besides.add('handler');
    }
    if (server('python'))
      lanes.push(laneFor('server', 'Routes and request model (Python)', include, exclude, 'python', ['route', 'param']));
    else if (client('python'))
      lanes.push(laneFor('calls', 'API calls and what they send (Python)', include, exclude, 'python', ['route', 'param']));
  }
  if (ts.length) {
    const include = codeGlobs(ts);
    const exclude = excludeFor('typescript', include);
    // Lane names are the tracker's column keys: a Python server already has `outbound`/`server`,
    // Python code that reads a stream `handler`.
    const prefix = py.length ? 'ts-' : '';
    const taken = (name: string) => (lanes.some((l) => l.name === name) ? 'ts-' : '');
    lanes.push(laneFor('frontend', 'Frontend type (TS/Zod)', include, exclude, 'typescript', ['definition']));
    lanes.push(laneFor(`${taken('handler')}handler`, 'Reducer / handler (TS)', include, exclude, 'typescript', ['handler']));
    if (server('typescript')) {
      lanes.push(laneFor(`${prefix}outbound`, 'Outbound emitter (TS)', include, exclude, 'typescript', ['emitter']));
      lanes.push(laneFor(`${prefix}server`, 'Routes and request model (TS)', include, exclude, 'typescript', ['route', 'param']));
    } else if (client('typescript'))
      lanes.push(laneFor(`${prefix}calls`, 'API calls and what they send (TS)', include, exclude, 'typescript', ['route', 'param']));
  }
  const golden = [...testGlobs(scan.tests), ...traceGlobs(scan.traces)];
  if (golden.length) lanes.push({ name: 'golden', title: 'Test trace (golden)', include: golden, kinds: ['test'] });
  // Route lanes hold endpoints and parameters, not events: Implemented asks of the event lanes.
  const implemented = lanes.filter((l) => !besides.has(l.name) && l.kinds.some((k) => k !== 'route' && k !== 'param')).map((l) => l.name);
  const targets: Proposal['targets'] = [];
  if (ts.length) targets.push('zod', 'types');
  targets.push('tracker');
  if (py.length) targets.push('pydantic');
  return { sources: found.length ? found : [PLACEHOLDER_SOURCE], placeholderSources: !found.length, lanes, targets, implemented };
}

/** The config file's content: only what differs from the defaults, plus what a reader needs to see. */
export function proposalConfig(p: Proposal, schemaRef: string): ConfigInput {
  return {
    $schema: schemaRef,
    sources: p.sources.map((path) => ({ path })),
    model: 'spec/model.json',
    workspace: '.',
    lanes: p.lanes as LaneConfig[],
    status: { implemented: p.implemented },
    generate: { targets: p.targets },
  };
}
