/**
 * Target `stubs-py`: a module with one builder function per event, for servers that emit the
 * stream. Each builder takes the event's fields as keyword arguments and returns the payload;
 * optional fields are left out when None. Regions as in regions.ts: an edited builder is kept.
 */
import { GENERATE_COMMAND, banners } from '../banner.js';
import { outPath, type Target } from '../context.js';
import { pyDocstring, pyString } from '../escape.js';
import { pyParamName } from '../python/py-names.js';
import { pyType } from '../python/py-types.js';
import { mergeRegions } from '../regions.js';
import { NameRegistry, snakeCase } from '../shape/names.js';

export const BUILDERS_FILE = 'python/builders.py';

export const stubsPyTarget: Target = (ctx) => {
  const fnNames = new NameRegistry();
  const regions = ctx.plan.events.map((e) => {
    const props = e.node.k === 'object' ? e.node.props.filter((p) => p.name !== 'type') : [];
    const params = new NameRegistry(['event']);
    const fields = props.map((p) => ({ p, param: params.claim(pyParamName(p.name)), type: pyType(p.node, '') }));
    const required = fields.filter((f) => !f.p.optional);
    const optional = fields.filter((f) => f.p.optional);
    const sig = [
      ...required.map((f) => `${f.param}: ${f.type}`),
      ...optional.map((f) => `${f.param}: ${f.type.startsWith('Optional[') || f.type === 'Any' ? f.type : `Optional[${f.type}]`} = None`),
    ];
    const view = {
      name: fnNames.claim(`build_${snakeCase(e.eventType!)}`),
      signature: sig.length ? `*, ${sig.join(', ')}` : '',
      doc: pyDocstring(`Builds a \`${e.eventType}\` event${e.anchor ? ` (${e.anchor})` : ''}.`),
      typeLiteral: pyString(e.eventType!),
      required: required.map((f) => `${pyString(f.p.name)}: ${f.param}`),
      optional: optional.map((f) => ({ key: pyString(f.p.name), param: f.param })),
    };
    return { key: e.eventType!, body: ctx.render.render('builder.py.hbs', view, `builder for ${e.eventType}`).replace(/\n+$/, '') };
  });
  const path = outPath(ctx, BUILDERS_FILE);
  const merged = mergeRegions(ctx.existing.get(path), regions, '#');
  const content = ctx.render.render('builders.py.hbs', { banner: banners(true).py, regions: merged.texts });
  return [{ path, content, producedBy: GENERATE_COMMAND }];
};
