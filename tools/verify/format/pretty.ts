/**
 * Human output: the baseline in use, then per trace each finding as
 * `file:line: severity [check] event: message`, the findings left out past `--max-findings`, and the
 * SDK's view. Everything that came from a trace is escaped (format/escape.ts).
 */
import type { TraceReport, VerifyReport, Violation } from '../types.js';
import { escapeControl as esc } from './escape.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function line(v: Violation): string {
  const response = v.response ? ` (response ${v.response.index}${v.response.id ? ` ${v.response.id}` : ''})` : '';
  const verdict = v.verdict ? ` ${v.verdict}:` : '';
  const note = v.note ? ` — ${v.note}` : '';
  return esc(
    `  ${v.file}:${v.line}: ${v.severity}${verdict} [${v.check}]${response}${v.event !== undefined ? ` ${v.event}:` : ''} ${v.message}${note}`,
  );
}

function head(t: TraceReport): string {
  const { errors, warnings, infos } = t.counts;
  const found = errors + warnings + infos;
  const parts = [errors && plural(errors, 'error'), warnings && plural(warnings, 'warning'), infos && `${infos} info`]
    .filter(Boolean)
    .join(', ');
  const responses = t.responses > 1 ? `, ${t.responses} responses` : '';
  const state = t.unreadable ? 'unreadable; ' : '';
  return esc(`${t.file} (${t.format}, ${t.events} events${responses}): ${state}${found ? parts : 'ok'}`);
}

export function formatPretty(report: VerifyReport): string {
  const out: string[] = [];
  if (report.baseline) {
    const b = report.baseline;
    out.push(
      esc(
        `baseline: ${b.from} (${b.kind === 'profile' ? 'profile' : 'learned from recordings'}: ${plural(b.deviations, 'deviation')} of the reference server, from ${plural(b.recordings, 'recording')})`,
      ),
    );
    if (b.otherSources)
      out.push(
        esc(
          `  warning: the baseline was learned against other sources (${b.otherSources.join(', ')}) than this model (${report.sources.join(', ')}); relearn it with --learn-baseline`,
        ),
      );
  }
  for (const t of report.traces) {
    out.push(head(t));
    for (const v of t.violations) out.push(line(v));
    for (const o of t.omitted)
      out.push(esc(`  … and ${o.count} more ${o.severity} [${o.check}] finding${o.count === 1 ? '' : 's'} (--max-findings)`));
    if (t.sdk) {
      const verdict = !t.sdk.available
        ? `not run: ${t.sdk.message}`
        : t.sdk.accepted
          ? `accepted (${t.sdk.events} events${t.sdk.surfaced ? `; raised the stream's ${t.sdk.surfaced}` : ''})`
          : `rejected after ${t.sdk.events} events: ${t.sdk.message}`;
      out.push(esc(`  openai SDK: ${verdict}`));
    }
  }
  const s = report.summary;
  const extra = [s.infos ? `${s.infos} info` : '', s.unreadable ? `${s.unreadable} unreadable` : '']
    .filter(Boolean)
    .map((x) => `, ${x}`)
    .join('');
  out.push(
    esc(
      `${plural(s.traces, 'trace')}, ${s.events} events: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}${extra}${report.streamProfile ? `; SDK rejected ${s.sdkRejected}; grammar: ${report.streamProfile}` : '; grammar: none (framing, schema and per-type checks)'}; schemas: ${report.schemaSource}`,
    ),
  );
  return out.join('\n') + '\n';
}
