/**
 * `verify` violations: at their trace line, about their event. A finding the reference or a
 * source vouches for is `info`: its message starts with why (`reference-does-too`,
 * `sources-disagree`) and ends with who vouches; which response of a multi-response trace it is in
 * comes before what was found.
 */
import type { Violation } from '../verify/types.js';
import type { Problem } from './problem.js';

const SEVERITY = { error: 'error', warn: 'warning', info: 'info' } as const;

export function fromVerifyFinding(v: Violation): Problem {
  const response = v.response ? `response ${v.response.index}${v.response.id ? ` ${v.response.id}` : ''}: ` : '';
  return {
    code: v.check,
    severity: SEVERITY[v.severity],
    message: `${v.verdict ? `${v.verdict}: ` : ''}${response}${v.message}${v.note ? ` — ${v.note}` : ''}`,
    ...(v.event !== undefined ? { subject: v.event } : {}),
    location: { file: v.file, line: v.line },
    data: {
      check: v.check,
      ...(v.verdict ? { verdict: v.verdict } : {}),
      ...(v.response ? { response: { ...v.response } } : {}),
    },
  };
}
