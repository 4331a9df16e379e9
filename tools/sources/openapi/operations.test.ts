import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import { inSections, pathScope } from './operations.js';
import { extractOpenApi } from './read.js';

const table: [string, boolean, boolean][] = [
  ['/responses', false, true],
  ['/responses/{id}', false, true],
  ['/responsesx', false, false],
  ['/responses?beta=true', false, false],
  ['/responses?beta=true', true, true],
  ['/responses/{id}?beta=true', true, true],
  ['/pets?beta=true', true, false],
];

describe('inSections', () => {
  it.each(table)('%s (query paths %s) → %s', (path, withQuery, want) => {
    expect(inSections(path, pathScope(['/responses/**']), withQuery)).toBe(want);
  });
});

const DOC = [
  'openapi: 3.1.0', // 1
  'info: { title: t, version: "1" }', // 2
  'paths:', // 3
  '  /responses:', // 4
  '    post: { responses: { "200": { description: OK } } }', // 5
  '  /responses?beta=true:', // 6
  '    post: { responses: { "200": { description: OK } } }', // 7
  '  /pets?beta=true:', // 8
  '    get: { responses: { "200": { description: OK } } }', // 9
].join('\n');
const source = { id: 'a.yaml', kind: 'openapi' as const, path: 'a.yaml', sha256: '0'.repeat(64) };

describe('paths with a query part', () => {
  it('are left out and reported with their anchor; out-of-section ones are not reported', () => {
    const x = extractOpenApi(DOC, source, new DiagnosticBag(), { apis: [{ name: 'responses', paths: ['/responses/**'] }] });
    expect(x.endpoints.map((e) => e.id)).toEqual(['endpoint:POST /v1/responses']);
    expect(x.skipped).toEqual([{ path: '/responses?beta=true', anchor: 'a.yaml:6', reason: 'a query variant of another path' }]);
  });

  it('are read when asked, their ids keeping the query; nothing is then skipped', () => {
    const x = extractOpenApi(DOC, source, new DiagnosticBag(), {
      apis: [{ name: 'responses', paths: ['/responses/**'] }],
      includeQueryPaths: true,
    });
    expect(x.endpoints.map((e) => e.id)).toEqual(['endpoint:POST /v1/responses', 'endpoint:POST /v1/responses?beta=true']);
    expect(x.skipped).toBeUndefined();
  });
});
