/**
 * `report` as `sync` runs it: the same builder and renderers as `specmap report`, fed with what
 * the pipeline already holds (model, freshly computed mapping, source texts), plus the crosscheck
 * findings when sources of more than one kind are configured.
 */
import { recordTiming } from '../cache/timings.js';
import type { Config } from '../config/schema.js';
import type { OutputFile } from '../io/write-plan.js';
import type { Mapping } from '../mapping/schema.js';
import type { Model } from '../model/schema.js';
import type { CrosscheckFinding } from '../report/schema.js';

export async function crosscheckFindings(model: Model): Promise<CrosscheckFinding[] | undefined> {
  if (new Set(model.sources.map((s) => s.kind)).size < 2) return undefined;
  const [{ crosscheck }, { describeFinding, findingSeverity }] = await Promise.all([
    import('../crosscheck/crosscheck.js'),
    import('../crosscheck/describe.js'),
  ]);
  return crosscheck(model).map((f) => ({
    code: f.kind,
    message: describeFinding(f),
    item: f.path,
    anchors: f.anchors.map((a) => a.anchor),
    severity: findingSeverity(f),
  }));
}

export async function reportStage(model: Model, mapping: Mapping | undefined, config: Config): Promise<OutputFile[]> {
  if (!config.report.formats.length) return [];
  const t0 = performance.now();
  const [{ reportFromInputs }, { renderReport }] = await Promise.all([import('../report/stage.js'), import('../report/render.js')]);
  const crosscheck = await crosscheckFindings(model);
  const report = await reportFromInputs({
    model,
    mapping,
    config,
    ...(crosscheck ? { crosscheck } : {}),
  });
  const files = renderReport(report, config.report.formats, config.report.outDir);
  recordTiming('report', t0, files.length === 1 ? '1 file' : `${files.length} files`);
  return files;
}
