/**
 * Reports group by API when the model holds more than one: a row per API in the summary (items of
 * no API under `-`), and an API table in the markdown head; with one API, neither appears.
 */
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../tools/diagnostics/diagnostic.js';
import type { Model } from '../../tools/model/schema.js';
import { MODEL_VERSION } from '../../tools/model/version.js';
import { buildReport } from '../../tools/report/build.js';
import { renderFormat } from '../../tools/report/render.js';
import { extractOpenApi } from '../../tools/sources/openapi/read.js';
import { readSpec, SPECS } from '../openapi/helpers.js';

const { text, source } = readSpec(SPECS['2026-08-21']);
const modelOf = (apis?: string[]): Model => {
  const x = extractOpenApi(text, source, new DiagnosticBag(), apis ? { apis } : {});
  return {
    modelVersion: MODEL_VERSION,
    sources: [x.source],
    events: x.events,
    endpoints: x.endpoints,
    params: x.params,
    enums: x.enums,
    objects: x.objects,
    schemas: x.schemas,
  };
};

describe('report grouped by API', () => {
  const three = modelOf(['responses', 'realtime', 'chat']);
  const report = buildReport(three, undefined);

  it('one summary row per API, the rows adding up to every item', () => {
    const rows = report.summary.apis!;
    expect(rows.map((r) => r.api)).toEqual(['chat', 'realtime', 'responses']);
    expect(three.objects.map((o) => `${o.api} ${o.id}`)).toContain('responses object:response');
    const of = (api: string) =>
      [three.events, three.endpoints, three.params, three.enums, three.objects].reduce(
        (n, list) => n + list.filter((i) => i.api === api).length,
        0,
      );
    expect(rows.find((r) => r.api === 'realtime')!.total).toBe(of('realtime'));
    expect(rows.reduce((n, r) => n + r.total, 0)).toBe(report.summary.overall.total);
    expect(report.items.find((i) => i.id === 'event:realtime/error')!.api).toBe('realtime');
  });

  it('markdown has an API table in its head', () => {
    const md = renderFormat(report, 'markdown');
    expect(md).toMatch(/\| API \| /);
    expect(md).toMatch(/\| `realtime` \| +\d+ \|/);
  });

  it('with one API, no API rows and no API table', () => {
    const one = buildReport(modelOf(), undefined);
    expect(one.summary.apis).toBeUndefined();
    expect(renderFormat(one, 'markdown')).not.toMatch(/\| API \| /);
  });
});
