/** The analyzer on a few files written for one test: a temp workspace with the fixture model and lanes. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type AnalyzeResult, type AnalyzeOptions, analyzeWorkspace } from '../../tools/analyzer/analyze-workspace.js';
import { fixtureModel, LANES, PATTERNS } from './fixture-model.js';

const roots: string[] = [];

/**
 * `files` (workspace path → text) analyzed as a workspace under the fixture lanes (`server/`,
 * `tests/`, `web/`), or under `lanes`; against the fixture model, or `model`.
 */
export async function analyzeFiles(
  files: Record<string, string>,
  lanes: AnalyzeOptions['lanes'] = LANES,
  model: AnalyzeOptions['model'] = fixtureModel,
): Promise<AnalyzeResult> {
  const root = mkdtempSync(join(tmpdir(), 'specmap-analyze-'));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return analyzeWorkspace({ root, lanes, model, unknownLiteralPatterns: PATTERNS });
}

/** Removes the workspaces `analyzeFiles` made (call from afterAll). */
export function removeAnalyzedFiles(): void {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
}
