/** Anchors in the users' convention: `file:start-end` (name line to last non-blank line before the next item). */
export interface AnchorParts {
  file: string;
  start: number;
  end: number;
}

export function formatAnchor(file: string, start: number, end = start): string {
  return start === end ? `${file}:${start}` : `${file}:${start}-${end}`;
}

export function parseAnchor(anchor: string): AnchorParts | undefined {
  const m = /^(.+):(\d+)(?:-(\d+))?$/.exec(anchor);
  if (!m) return undefined;
  const start = Number(m[2]);
  return { file: m[1]!, start, end: m[3] ? Number(m[3]) : start };
}
