import { describe, expect, it } from 'vitest';
import { proposeConfig, PLACEHOLDER_SOURCE } from './propose.js';
import type { RepoScan } from './scan.js';

const scan = (over: Partial<RepoScan>): RepoScan => ({
  code: { python: [], typescript: [] },
  tests: [],
  traces: [],
  frameworks: [],
  sources: ['docs/DOC_streaming_events.md'],
  ...over,
});
const lanes = (s: RepoScan) =>
  proposeConfig(s).lanes.map(
    (l) => `${l.name}: ${l.include.join(' ')}${l.exclude ? ` - ${l.exclude.join(' ')}` : ''} [${l.kinds.join(',')}]`,
  );

describe('proposeConfig', () => {
  it.each<[string, RepoScan, string[]]>([
    ['nothing but pages', scan({}), []],
    [
      'a Python library without routes: no server lane',
      scan({ code: { python: ['lib/events.py'], typescript: [] }, frameworks: [{ framework: 'pydantic', file: 'lib/events.py' }] }),
      ['inbound: lib/**/*.py [definition]', 'outbound: lib/**/*.py [emitter]'],
    ],
    [
      'tests inside the code folder are excluded from it and make the golden lane',
      scan({
        code: { python: ['app/main.py'], typescript: [] },
        tests: ['app/tests/test_main.py'],
        frameworks: [{ framework: 'fastapi', file: 'app/main.py' }],
      }),
      [
        'inbound: app/**/*.py - app/tests/**/*.py [definition]',
        'outbound: app/**/*.py - app/tests/**/*.py [emitter]',
        'server: app/**/*.py - app/tests/**/*.py [route,param]',
        'golden: app/tests/**/*.py [test]',
      ],
    ],
    [
      'Python server and a TS server: the TS emitter and route lanes take a prefix',
      scan({
        code: { python: ['api/main.py'], typescript: ['web/server.ts'] },
        frameworks: [
          { framework: 'fastapi', file: 'api/main.py' },
          { framework: 'express', file: 'web/server.ts' },
        ],
        traces: ['traces/a.sse'],
      }),
      [
        'inbound: api/**/*.py [definition]',
        'outbound: api/**/*.py [emitter]',
        'server: api/**/*.py [route,param]',
        'frontend: web/**/*.ts [definition]',
        'handler: web/**/*.ts [handler]',
        'ts-outbound: web/**/*.ts [emitter]',
        'ts-server: web/**/*.ts [route,param]',
        'golden: traces/**/*.sse [test]',
      ],
    ],
    [
      'code that calls the API through its SDK, in each language: a lane for the calls and what they send',
      scan({
        code: { python: ['bot/agent.py'], typescript: ['ui/chat.ts'] },
        frameworks: [
          { framework: 'openai-python', file: 'bot/agent.py' },
          { framework: 'openai-node', file: 'ui/chat.ts' },
        ],
      }),
      [
        'inbound: bot/**/*.py [definition]',
        'outbound: bot/**/*.py [emitter]',
        'calls: bot/**/*.py [route,param]',
        'frontend: ui/**/*.ts [definition]',
        'handler: ui/**/*.ts [handler]',
        'ts-calls: ui/**/*.ts [route,param]',
      ],
    ],
    [
      'code that calls the API over HTTP, without its SDK: a lane for the calls too',
      scan({ code: { python: ['bot/ask.py'], typescript: [] }, frameworks: [{ framework: 'openai-http-python', file: 'bot/ask.py' }] }),
      ['inbound: bot/**/*.py [definition]', 'outbound: bot/**/*.py [emitter]', 'calls: bot/**/*.py [route,param]'],
    ],
    [
      'a server that also uses the SDK: its route lane holds both',
      scan({
        code: { python: ['app/main.py'], typescript: [] },
        frameworks: [
          { framework: 'fastapi', file: 'app/main.py' },
          { framework: 'openai-python', file: 'app/main.py' },
        ],
      }),
      ['inbound: app/**/*.py [definition]', 'outbound: app/**/*.py [emitter]', 'server: app/**/*.py [route,param]'],
    ],
    [
      'Python code that reads a stream: a handler lane instead of the emitter',
      scan({
        code: { python: ['bot/agent.py'], typescript: [] },
        frameworks: [
          { framework: 'python-handlers', file: 'bot/agent.py' },
          { framework: 'openai-python', file: 'bot/agent.py' },
        ],
      }),
      ['inbound: bot/**/*.py [definition]', 'handler: bot/**/*.py [handler]', 'calls: bot/**/*.py [route,param]'],
    ],
    [
      'a Python server that also reads a stream (a proxy): emitter and handler lanes',
      scan({
        code: { python: ['app/main.py'], typescript: [] },
        frameworks: [
          { framework: 'fastapi', file: 'app/main.py' },
          { framework: 'python-handlers', file: 'app/main.py' },
        ],
      }),
      [
        'inbound: app/**/*.py [definition]',
        'outbound: app/**/*.py [emitter]',
        'handler: app/**/*.py [handler]',
        'server: app/**/*.py [route,param]',
      ],
    ],
    [
      'Django counts as a server',
      scan({ code: { python: ['site/views.py'], typescript: [] }, frameworks: [{ framework: 'django', file: 'site/views.py' }] }),
      ['inbound: site/**/*.py [definition]', 'outbound: site/**/*.py [emitter]', 'server: site/**/*.py [route,param]'],
    ],
    [
      'Python and TS code that both read a stream: the TS handler lane takes the prefix',
      scan({
        code: { python: ['bot/agent.py'], typescript: ['ui/chat.ts'] },
        frameworks: [{ framework: 'python-handlers', file: 'bot/agent.py' }],
      }),
      [
        'inbound: bot/**/*.py [definition]',
        'handler: bot/**/*.py [handler]',
        'frontend: ui/**/*.ts [definition]',
        'ts-handler: ui/**/*.ts [handler]',
      ],
    ],
  ])('%s', (_name, given, want) => {
    expect(lanes(given)).toEqual(want);
  });

  it('asks Implemented of the lanes that hold events: a Python client handles them, a server emits them', () => {
    const client = scan({
      code: { python: ['bot/agent.py'], typescript: [] },
      frameworks: [{ framework: 'python-handlers', file: 'bot/agent.py' }],
    });
    expect(proposeConfig(client).implemented).toEqual(['inbound', 'handler']);
    const server = scan({ code: { python: ['app/main.py'], typescript: [] }, frameworks: [{ framework: 'fastapi', file: 'app/main.py' }] });
    expect(proposeConfig(server).implemented).toEqual(['inbound', 'outbound']);
    // A server that also reads a stream: its handler lane is shown, its emitters decide.
    const proxy = scan({
      code: { python: ['app/main.py'], typescript: [] },
      frameworks: [
        { framework: 'fastapi', file: 'app/main.py' },
        { framework: 'python-handlers', file: 'app/main.py' },
      ],
    });
    expect(proposeConfig(proxy).lanes.map((l) => l.name)).toContain('handler');
    expect(proposeConfig(proxy).implemented).toEqual(['inbound', 'outbound']);
  });

  it.each<[string, RepoScan, string[]]>([
    ['no code', scan({}), ['tracker']],
    ['Python only', scan({ code: { python: ['a/x.py'], typescript: [] } }), ['tracker', 'pydantic']],
    ['TypeScript only', scan({ code: { python: [], typescript: ['a/x.ts'] } }), ['zod', 'types', 'tracker']],
    ['both', scan({ code: { python: ['a/x.py'], typescript: ['b/y.ts'] } }), ['zod', 'types', 'tracker', 'pydantic']],
  ])('targets: %s', (_name, given, want) => {
    expect(proposeConfig(given).targets).toEqual(want);
  });

  it('names the placeholder when no source was found, and --source wins over what was found', () => {
    expect(proposeConfig(scan({ sources: [] }))).toMatchObject({ sources: [PLACEHOLDER_SOURCE], placeholderSources: true });
    expect(proposeConfig(scan({}), ['specs/openapi.yaml'])).toMatchObject({ sources: ['specs/openapi.yaml'], placeholderSources: false });
  });
});
