import { describe, expect, it } from 'vitest';
import { isTestPath, languageOf } from './file-role.js';
import { fileRoute, isRouteFile } from './route-files.js';

describe('languageOf', () => {
  it.each([
    ['web/a.ts', 'auto', 'typescript'],
    ['web/a.tsx', 'auto', 'typescript'],
    ['web/a.mjs', 'auto', 'typescript'],
    ['srv/a.py', 'auto', 'python'],
    ['srv/a.py', 'typescript', undefined],
    ['traces/a.sse', 'python', 'trace'],
    ['traces/a.ndjson', 'auto', 'trace'],
    ['README.md', 'auto', undefined],
  ] as const)('%s in a %s lane → %s', (file, lane, want) => {
    expect(languageOf(file, lane)).toBe(want);
  });
});

describe('isTestPath', () => {
  it.each([
    ['backend/tests/helpers.py', true],
    ['backend/test_stream.py', true],
    ['backend/stream_test.py', true],
    ['web/reducer.test.ts', true],
    ['web/reducer.spec.tsx', true],
    ['backend/testing.py', false],
    ['web/contest.ts', false],
  ] as const)('%s → %s', (file, want) => {
    expect(isTestPath(file)).toBe(want);
  });
});

describe('fileRoute', () => {
  it.each([
    ['src/app/v1/responses/route.ts', '/v1/responses'],
    ['app/(api)/v1/responses/[response_id]/route.ts', '/v1/responses/{response_id}'],
    ['app/v1/files/[...path]/route.js', '/v1/files/{path}'],
    ['app/v1/page.ts', undefined],
    // SvelteKit: `+server.ts` below `routes/`, with its param matchers (`[id=uuid]`) left out.
    ['src/routes/v1/responses/+server.ts', '/v1/responses'],
    ['src/routes/(api)/v1/responses/[response_id=id]/+server.js', '/v1/responses/{response_id}'],
    ['src/routes/v1/+page.server.ts', undefined],
    // Nuxt: `server/api/` is served under `/api`, `server/routes/` as it is; `index` is its folder.
    ['server/api/v1/responses.post.ts', '/api/v1/responses'],
    ['server/routes/v1/responses/[response_id]/index.get.ts', '/v1/responses/{response_id}'],
    ['server/api/v1/responses.ts', undefined],
    // Next.js's pages router and Vercel's functions at the root: under `/api`, the file's name a segment.
    ['pages/api/v1/responses.ts', '/api/v1/responses'],
    ['src/pages/api/v1/responses/[response_id].tsx', '/api/v1/responses/{response_id}'],
    ['pages/api/v1/conversations/index.js', '/api/v1/conversations'],
    ['pages/api/[...slug].ts', '/api/{slug}'],
    ['pages/v1/responses.tsx', undefined],
    ['pages/api/v1/responses.test.ts', undefined],
    ['api/v1/responses.js', '/api/v1/responses'],
    ['api/v1/responses/[response_id].mjs', '/api/v1/responses/{response_id}'],
    // An `api/` folder elsewhere is a client's, not Vercel's.
    ['src/api/v1/responses.ts', undefined],
    ['api/v1/responses.d.ts', undefined],
  ] as const)('%s → %s', (file, want) => {
    expect(fileRoute(file)?.path).toBe(want);
    expect(isRouteFile(file)).toBe(want !== undefined);
  });

  it('takes a Nuxt route’s method from its name, and no other route file’s', () => {
    expect(fileRoute('server/api/v1/responses.post.ts')?.method).toBe('POST');
    expect(fileRoute('src/routes/v1/responses/+server.ts')?.method).toBeUndefined();
    expect(fileRoute('pages/api/v1/responses.ts')?.method).toBeUndefined();
  });

  it('says which route files serve every method from one default handler', () => {
    expect(fileRoute('pages/api/v1/responses.ts')?.byHandler).toBe(true);
    expect(fileRoute('api/v1/responses.js')?.byHandler).toBe(true);
    expect(fileRoute('app/v1/responses/route.ts')?.byHandler).toBeUndefined();
    expect(fileRoute('server/api/v1/responses.post.ts')?.byHandler).toBeUndefined();
  });
});
