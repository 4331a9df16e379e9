/**
 * SARIF 2.1.0 (OASIS), the format GitHub code scanning reads: one run, the codes used as rules,
 * one result per problem. Artifact URIs are relative to `%SRCROOT%` with forward slashes, so the
 * same tree gives the same bytes on any machine and code scanning can map them onto the
 * repository. `partialFingerprints` leave lines out (a line shift is not a new alert) and number
 * otherwise equal problems in order, so code scanning tracks each across runs.
 */
import { createHash } from 'node:crypto';
import { isAbsolute, relative } from 'node:path';
import { escapeJsonText } from '../../io/control-chars.js';
import { toJsonText } from '../../io/json.js';
import type { Problem, ProblemLocation } from '../../problems/problem.js';
import { specmapVersion } from '../version.js';
import type { FormatOptions, Notice, ProblemReport } from './report.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/specmap/specmap';
const FINGERPRINT = 'specmapProblem/v1';
const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;
const NOTICE_LEVEL = { error: 'error', warning: 'warning', notice: 'note' } as const;

/** A relative URI reference: forward slashes, each segment percent-encoded (a space, `#`, `%` in a name). */
export function artifactUri(file: string, root: string): string {
  const rel = isAbsolute(file) ? relative(root, file) : file;
  return rel
    .replace(/\\/g, '/')
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
}

function physical(l: ProblemLocation, root: string) {
  const region = {
    ...(l.line !== undefined && { startLine: l.line }),
    ...(l.column !== undefined && { startColumn: l.column }),
    ...(l.endLine !== undefined && { endLine: l.endLine }),
    ...(l.endColumn !== undefined && { endColumn: l.endColumn }),
  };
  return {
    artifactLocation: { uri: artifactUri(l.file, root), uriBaseId: '%SRCROOT%' },
    ...(Object.keys(region).length ? { region } : {}),
  };
}

const describe = (code: string): string => code.replace(/[-_]+/g, ' ');

function fingerprints(problems: readonly Problem[], root: string): string[] {
  const seen = new Map<string, number>();
  return problems.map((p) => {
    const key = JSON.stringify([p.code, p.location ? artifactUri(p.location.file, root) : '', p.subject ?? '', p.message]);
    const hash = createHash('sha256').update(key).digest('hex').slice(0, 32);
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    return `${hash}:${n}`;
  });
}

function result(p: Problem, ruleIndex: number, fingerprint: string, root: string) {
  const logical = p.subject !== undefined ? { logicalLocations: [{ fullyQualifiedName: p.subject }] } : {};
  const location = p.location ? { physicalLocation: physical(p.location, root), ...logical } : logical;
  const properties = {
    ...(p.fix !== undefined && { fix: p.fix }),
    ...(p.items && { items: p.items }),
    ...(p.detail !== undefined && { detail: p.detail }),
    ...(p.data && { data: p.data }),
  };
  return {
    ruleId: p.code,
    ruleIndex,
    level: LEVEL[p.severity],
    message: { text: `${p.subject !== undefined ? `${p.subject}: ` : ''}${p.message}` },
    ...(Object.keys(location).length ? { locations: [location] } : {}),
    ...(p.related?.length && {
      relatedLocations: p.related.map((r, i) => ({
        id: i + 1,
        physicalLocation: physical(r.location, root),
        ...(r.message !== undefined && { message: { text: r.message } }),
      })),
    }),
    partialFingerprints: { [FINGERPRINT]: fingerprint },
    ...(Object.keys(properties).length ? { properties } : {}),
  };
}

/**
 * What the command says besides its problems (the baseline in use, findings left out past
 * `--max-findings`, paths not compared) are notifications of the run, so a log keeps them too.
 */
function invocations(notices: readonly Notice[], root: string) {
  if (!notices.length) return {};
  const notifications = notices.map((n) => ({
    level: NOTICE_LEVEL[n.level],
    message: { text: `${n.title}: ${n.message}` },
    ...(n.file !== undefined && { locations: [{ physicalLocation: physical({ file: n.file }, root) }] }),
  }));
  return { invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }] };
}

export function formatSarif(report: ProblemReport, options: FormatOptions = {}): string {
  const root = options.root ?? process.cwd();
  const codes = [...new Set(report.problems.map((p) => p.code))].sort();
  const index = new Map(codes.map((c, i) => [c, i]));
  const prints = fingerprints(report.problems, root);
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'specmap',
            version: specmapVersion(),
            informationUri: INFORMATION_URI,
            rules: codes.map((id) => ({ id, shortDescription: { text: report.rules?.[id] ?? describe(id) } })),
          },
        },
        automationDetails: { id: `specmap/${report.command}/` },
        ...invocations([...(report.notices?.before ?? []), ...(report.notices?.after ?? [])], root),
        columnKind: 'utf16CodeUnits',
        results: report.problems.map((p, i) => result(p, index.get(p.code)!, prints[i]!, root)),
      },
    ],
  };
  return escapeJsonText(toJsonText(log));
}
