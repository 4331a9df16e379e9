import { describe, expect, it } from 'vitest';
import { tinyMapping, tinyModel } from '../../tests/report/fixtures.js';
import { buildReport } from './build.js';
import { renderReport } from './render.js';

describe('renderReport', () => {
  const report = buildReport(tinyModel(), tinyMapping());
  const written = (outDir: string) => renderReport(report, ['markdown', 'html'], outDir);

  it.each(['reports', './reports', '././reports/', 'reports//'])('writes into `reports` and links back one level up from %j', (outDir) => {
    const files = written(outDir);
    expect(files.map((f) => f.path)).toEqual(['reports/report.md', 'reports/report.html']);
    expect(files[1]!.content).toBe(written('reports')[1]!.content);
  });

  it('writes at the root, with links from there, for `.` and `./`', () => {
    for (const outDir of ['.', './']) expect(written(outDir).map((f) => f.path)).toEqual(['report.md', 'report.html']);
    expect(written('.')[1]!.content).not.toBe(written('reports')[1]!.content);
  });
});
