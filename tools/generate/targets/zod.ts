/** Target `zod`: one Zod 4 schema per named shape, object, request body and event, plus the union. */
import { GENERATE_COMMAND, banners } from '../banner.js';
import { jsdoc } from '../escape.js';
import { outPath, type Target } from '../context.js';
import { printZod, schemaConst } from '../zod/print-zod.js';
import type { PlannedSchema } from '../shape/schema-plan.js';

export const ZOD_FILE = 'schemas.ts';

export function schemaDoc(s: PlannedSchema, indent = ''): string {
  const where = s.eventType ? `\`${s.eventType}\`` : s.id;
  const text = [s.description.trim(), s.anchor ? `${where} — ${s.anchor}` : where].filter(Boolean).join('\n\n');
  return jsdoc(text, indent);
}

export const zodTarget: Target = (ctx) => {
  const view = {
    banner: banners().ts,
    objectMode: ctx.config.generate.zodObjects,
    schemas: ctx.plan.schemas.map((s) => ({ doc: schemaDoc(s), constName: schemaConst(s.typeName), expr: printZod(s.node) })),
    events: ctx.plan.events.map((e) => ({ constName: schemaConst(e.typeName) })),
  };
  return [{ path: outPath(ctx, ZOD_FILE), content: ctx.render.render('zod.ts.hbs', view), producedBy: GENERATE_COMMAND }];
};
