/**
 * Target `stubs-ts`: an exhaustive dispatcher over the event union (regenerated every time; a
 * `never` check makes a missing case a compile error) and a stub file with one handler region per
 * event. Edited stubs are kept (regions.ts: a hash of the generated body in the marker comment).
 */
import { GENERATE_COMMAND, banners } from '../banner.js';
import { outPath, type Target } from '../context.js';
import { jsdoc, tsString } from '../escape.js';
import { mergeRegions } from '../regions.js';
import { TYPES_FILE } from './types.js';

const DISPATCH_FILE = 'handlers/dispatch.ts';
export const STUBS_FILE = 'handlers/stubs.ts';

const handlerName = (typeName: string): string => `handle${typeName}`;

export const stubsTsTarget: Target = (ctx) => {
  const typesModule = `../${TYPES_FILE.replace(/\.ts$/, '.js')}`;
  const events = ctx.plan.events.map((e) => ({
    key: e.eventType!,
    literal: tsString(e.eventType!),
    typeName: e.typeName,
    handler: handlerName(e.typeName),
    doc: jsdoc(`\`${e.eventType}\`${e.anchor ? ` — ${e.anchor}` : ''}`),
    todo: `TODO: handle ${tsString(e.eventType!)}`,
  }));
  const regions = events.map((e) => ({ key: e.key, body: ctx.render.render('stub.ts.hbs', e, `stub for ${e.key}`).replace(/\n+$/, '') }));
  const stubsPath = outPath(ctx, STUBS_FILE);
  const merged = mergeRegions(ctx.existing.get(stubsPath), regions, '//');
  const stubs = ctx.render.render('stubs.ts.hbs', { banner: banners(true).ts, typesModule, regions: merged.texts });
  const dispatch = ctx.render.render('dispatch.ts.hbs', { banner: banners().ts, typesModule, stubsModule: './stubs.js', events });
  return [
    { path: outPath(ctx, DISPATCH_FILE), content: dispatch, producedBy: GENERATE_COMMAND },
    { path: stubsPath, content: stubs, producedBy: GENERATE_COMMAND },
  ];
};
