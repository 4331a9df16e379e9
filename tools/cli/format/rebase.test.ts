import { describe, expect, it } from 'vitest';
import type { Problem } from '../../problems/problem.js';
import { pathsFor } from '../program/run-action.js';
import { rebaseReport } from './rebase.js';
import type { ProblemReport } from './report.js';

const stale: Problem = {
  code: 'generated-stale',
  severity: 'error',
  message: 'differs',
  location: { file: 'generated/types.ts', line: 2 },
  related: [{ message: 'spec', location: { file: '../docs/page.md', line: 9 } }],
};
const placeless: Problem = { code: 'x', severity: 'warning', message: 'nowhere' };
const absolute: Problem = { code: 'y', severity: 'info', message: 'abs', location: { file: '/elsewhere/a.py' } };

const report = (): ProblemReport => ({
  command: 'check',
  problems: [stale, placeless, absolute],
  data: { problems: [stale] },
  groups: [{ title: 'g', problems: [stale, absolute] }],
  notices: {
    before: [{ level: 'notice', title: 'n', message: 'm', file: 'mapping.json' }],
    after: [{ level: 'notice', title: 'n', message: 'm' }],
  },
});

describe('rebaseReport', () => {
  it('moves relative paths from the config folder to where the command ran: locations, related places, groups, notices', () => {
    const r = rebaseReport(report(), '/repo/services/api', '/repo');
    expect(r.problems.map((p) => p.location?.file)).toEqual(['services/api/generated/types.ts', undefined, '/elsewhere/a.py']);
    expect(r.problems[0]!.related![0]!.location.file).toBe('services/docs/page.md');
    expect(r.problems[0]!.location!.line).toBe(2);
    expect(r.groups![0]!.problems.map((p) => p.location?.file)).toEqual(['services/api/generated/types.ts', '/elsewhere/a.py']);
    // The same problem in the list and in a group stays one object.
    expect(r.groups![0]!.problems[0]).toBe(r.problems[0]);
    expect(r.notices!.before![0]!.file).toBe('services/api/mapping.json');
    expect(r.notices!.after![0]).not.toHaveProperty('file');
    // The data (what json prints) and the input are left as they were.
    expect(r.data).toEqual({ problems: [stale] });
    expect(stale.location!.file).toBe('generated/types.ts');
  });

  it('from inside the config folder, paths go up', () => {
    const r = rebaseReport(report(), '/repo', '/repo/tools');
    expect(r.problems[0]!.location!.file).toBe('../generated/types.ts');
  });

  it('the same folder: the same report', () => {
    const input = report();
    expect(rebaseReport(input, '/repo/', '/repo')).toBe(input);
  });
});

describe('pathsFor', () => {
  it('project paths are shown from where the command ran, from the config given', () => {
    expect(pathsFor({ config: 'services/api/specmap.config.json', cwd: '/repo' }, true)).toEqual({
      root: '/repo',
      base: '/repo/services/api',
    });
    expect(pathsFor({ config: 'specmap.config.json', cwd: '/repo' }, true)).toEqual({ root: '/repo', base: '/repo' });
    expect(pathsFor({ config: 'services/api/specmap.config.json', cwd: '/repo' }, false)).toEqual({ root: '/repo' });
  });
});
