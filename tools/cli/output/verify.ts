/**
 * `verify`'s report as a ProblemReport: the baseline in use first, then each trace under its own
 * summary line with its findings, the findings left out past `--max-findings` and the SDK's view,
 * and the run's summary last.
 */
import { EXIT } from '../../diagnostics/errors.js';
import type { Problem } from '../../problems/problem.js';
import { RULE_DESCRIPTIONS } from '../../problems/rules.js';
import type { TraceReport, VerifyReport } from '../../verify/types.js';
import { prose } from '../format/markdown-text.js';
import type { Notice, ProblemGroup, ProblemReport } from '../format/report.js';
import { plural } from './emit.js';

const LEVEL = { error: 'error', warn: 'warning', info: 'notice' } as const;

function head(t: TraceReport): string {
  const { errors, warnings, infos } = t.counts;
  const found = errors + warnings + infos;
  const parts = [errors && plural(errors, 'error'), warnings && plural(warnings, 'warning'), infos && `${infos} info`]
    .filter(Boolean)
    .join(', ');
  const responses = t.responses > 1 ? `, ${t.responses} responses` : '';
  const state = t.unreadable ? 'unreadable; ' : '';
  return `${t.file} (${t.format}, ${t.events} events${responses}): ${state}${found ? parts : 'ok'}`;
}

function sdkLine(t: TraceReport): string[] {
  if (!t.sdk) return [];
  const verdict = !t.sdk.available
    ? `not run: ${t.sdk.message}`
    : t.sdk.accepted
      ? `accepted (${t.sdk.events} events${t.sdk.surfaced ? `; raised the stream's ${t.sdk.surfaced}` : ''})`
      : `rejected after ${t.sdk.events} events: ${t.sdk.message}`;
  return [`  openai SDK: ${verdict}`];
}

/** What GitHub shows of a trace besides its findings: the count left out, the SDK's rejection. */
function traceNotices(t: TraceReport): Notice[] {
  const notices: Notice[] = t.omitted.map((o) => ({
    level: LEVEL[o.severity],
    file: t.file,
    title: `specmap verify [${o.check}]`,
    message: `${o.count} more finding${o.count === 1 ? '' : 's'} not shown (--max-findings)`,
  }));
  if (t.sdk?.available && !t.sdk.accepted)
    notices.push({ level: 'notice', file: t.file, title: 'openai SDK rejected the trace', message: t.sdk.message ?? '' });
  return notices;
}

function traceGroup(t: TraceReport, problems: Problem[]): ProblemGroup {
  return {
    title: head(t),
    problems,
    after: [
      ...t.omitted.map((o) => `  … and ${o.count} more ${o.severity} [${o.check}] finding${o.count === 1 ? '' : 's'} (--max-findings)`),
      ...sdkLine(t),
    ],
  };
}

function baselineLines(report: VerifyReport): string[] {
  const b = report.baseline;
  if (!b) return [];
  const lines = [
    `baseline: ${b.from} (${b.kind === 'profile' ? 'profile' : 'learned from recordings'}: ${plural(b.deviations, 'deviation')} of the reference server, from ${plural(b.recordings, 'recording')})`,
  ];
  if (b.otherSources)
    lines.push(
      `  warning: the baseline was learned against other sources (${b.otherSources.join(', ')}) than this model (${report.sources.join(', ')}); relearn it with --learn-baseline`,
    );
  return lines;
}

function summaryLine(report: VerifyReport): string {
  const s = report.summary;
  const extra = [s.infos ? `${s.infos} info` : '', s.unreadable ? `${s.unreadable} unreadable` : '']
    .filter(Boolean)
    .map((x) => `, ${x}`)
    .join('');
  const grammar = report.streamProfile
    ? `; SDK rejected ${s.sdkRejected}; grammar: ${report.streamProfile}`
    : '; grammar: none (framing, schema and per-type checks)';
  return `${plural(s.traces, 'trace')}, ${s.events} events: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}${extra}${grammar}; schemas: ${report.schemaSource}`;
}

/** `problems` are the report's kept findings in trace order, as the command returns them. */
export function verifyView(report: VerifyReport, problems: Problem[]): ProblemReport {
  let next = 0;
  const groups = report.traces.map((t) => {
    const mine = problems.slice(next, next + t.violations.length);
    next += t.violations.length;
    return traceGroup(t, mine);
  });
  const b = report.baseline;
  return {
    command: 'verify',
    problems,
    data: { ...report, problems },
    groups,
    pretty: { header: baselineLines(report), footer: [summaryLine(report)] },
    markdown: {
      header: ['## specmap verify', ...baselineLines(report).flatMap((l) => ['', prose(l.trim())])],
      footer: ['', prose(summaryLine(report))],
    },
    notices: {
      ...(b && {
        before: [
          {
            level: 'notice' as const,
            title: 'specmap verify baseline',
            message: `${b.from}: ${plural(b.deviations, 'deviation')} of the reference server from ${plural(b.recordings, 'recording')}${b.otherSources ? ` (learned against other sources: ${b.otherSources.join(', ')})` : ''}`,
          },
        ],
      }),
      after: report.traces.flatMap(traceNotices),
    },
    rules: RULE_DESCRIPTIONS.verify!,
  };
}

/** 0 clean, 1 findings at error severity, 2 when a trace could not be read. */
export function verifyExitCode(report: VerifyReport): number {
  if (report.summary.unreadable > 0) return EXIT.error;
  return report.summary.errors > 0 ? EXIT.findings : EXIT.clean;
}
