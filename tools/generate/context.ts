/** What every target receives: the model, the config, the shared schema plan and the pure inputs. */
import { posix } from 'node:path';
import type { Config } from '../config/schema.js';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { OutputFile } from '../io/write-plan.js';
import type { Mapping } from '../mapping/schema.js';
import type { Model } from '../model/schema.js';
import type { SchemaPlan } from './shape/schema-plan.js';
import type { TemplateRenderer } from './templates.js';
import type { RuntimeSchemas } from './zod/runtime-schemas.js';

export interface GenerateContext {
  model: Model;
  config: Config;
  plan: SchemaPlan;
  runtime: () => RuntimeSchemas;
  render: TemplateRenderer;
  bag: DiagnosticBag;
  mapping: Mapping | undefined;
  /** Current contents of earlier outputs (workspace-relative path → text); read by the caller. */
  existing: ReadonlyMap<string, string>;
  /** `generate.outDir`, normalised, `/`-separated, no trailing slash. */
  outDir: string;
}

export type Target = (ctx: GenerateContext) => OutputFile[];

export const outPath = (ctx: { outDir: string }, rel: string): string => (ctx.outDir === '.' ? rel : `${ctx.outDir}/${rel}`);

/** `generate.outDir` as a normalised `/`-separated relative path without a trailing slash. */
export function normalOutDir(outDir: string): string {
  return posix.normalize(outDir.replace(/\\/g, '/')).replace(/\/+$/, '') || '.';
}
