/**
 * Target `types`: TS types inferred with `z.infer` from the generated schemas (one definition, so
 * a type cannot drift from the schema that validates it), the `EventType` literal union, the
 * `EventByType` map and the `EVENT_TYPES` list.
 */
import { GENERATE_COMMAND, banners } from '../banner.js';
import { outPath, type Target } from '../context.js';
import { tsString } from '../escape.js';
import { schemaConst } from '../zod/print-zod.js';
import { schemaDoc, ZOD_FILE } from './zod.js';

export const TYPES_FILE = 'types.ts';

export const typesTarget: Target = (ctx) => {
  const view = {
    banner: banners().ts,
    schemasModule: `./${ZOD_FILE.replace(/\.ts$/, '.js')}`,
    schemas: ctx.plan.schemas.map((s) => ({ doc: schemaDoc(s), typeName: s.typeName, constName: schemaConst(s.typeName) })),
    events: ctx.plan.events.map((e) => ({ typeName: e.typeName, literal: tsString(e.eventType!) })),
  };
  return [{ path: outPath(ctx, TYPES_FILE), content: ctx.render.render('types.ts.hbs', view), producedBy: GENERATE_COMMAND }];
};
