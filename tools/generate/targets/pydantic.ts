/**
 * Target `pydantic`: one model per named shape, object, request body and event, in a subset that
 * loads under Pydantic 2 (what servers run) and 1.10 (Debian's python3-pydantic): `typing`
 * generics, config as class keywords (`extra=`), aliases for names that are keywords or shadow
 * BaseModel, `Field(...)` for required-but-nullable, and a rebuild loop that calls `model_rebuild`
 * (2) or `update_forward_refs` (1) for forward references. Optional fields default to None
 * (Pydantic cannot say "may be absent but not null" in both versions).
 */
import { GENERATE_COMMAND, banners } from '../banner.js';
import { outPath, type Target } from '../context.js';
import { lineComment, pyDocstring, pyString } from '../escape.js';
import { pyFieldName } from '../python/py-names.js';
import { nestedHint, pyType, type PyClassSink } from '../python/py-types.js';
import { NameRegistry } from '../shape/names.js';
import type { PlannedSchema } from '../shape/schema-plan.js';
import type { ZProp } from '../zod/zod-ir.js';

const PYDANTIC_FILE = 'python/models.py';

const EXTRA: Record<string, string> = { strict: '"forbid"', passthrough: '"allow"', strip: '"ignore"' };

interface PyDef {
  isClass: boolean;
  name: string;
  doc: string;
  extra: string;
  fields: string[];
  empty: boolean;
  annotation: string;
}

/**
 * One attribute name per field, unique within the class: wire names that are already valid
 * attribute names keep them, the others (`a-b` next to `a_b`) get a suffix and an alias, so both
 * fields survive and Pydantic reads exactly the keys the Zod schema reads.
 */
function attributeNames(props: readonly ZProp[]): string[] {
  const wanted = props.map((p) => pyFieldName(p.name));
  const names = new NameRegistry();
  const out: string[] = new Array(props.length);
  for (const pass of [false, true]) {
    wanted.forEach((w, i) => {
      if (w.aliased === pass) out[i] = names.claim(w.name);
    });
  }
  return out;
}

function fieldLine(p: ZProp, name: string, owner: string, sink: PyClassSink): string {
  const aliased = name !== p.name;
  let annotation = pyType(p.node, nestedHint(owner, p.name), sink);
  const alias = aliased ? `, alias=${pyString(p.name)}` : '';
  if (p.optional) {
    if (!annotation.startsWith('Optional[') && annotation !== 'Any' && annotation !== 'None') annotation = `Optional[${annotation}]`;
    return `${name}: ${annotation} = ${alias ? `Field(None${alias})` : 'None'}`;
  }
  const nullable = annotation.startsWith('Optional[') || annotation === 'Any' || annotation === 'None';
  return `${name}: ${annotation}${nullable || alias ? ` = Field(...${alias})` : ''}`;
}

function docOf(s: PlannedSchema): string {
  const where = s.eventType ? `\`${s.eventType}\`` : s.id;
  return pyDocstring([lineComment(s.description), s.anchor ? `${where} (${s.anchor})` : where].filter(Boolean).join(' — '));
}

export const pydanticTarget: Target = (ctx) => {
  const names = new NameRegistry([
    'BaseModel',
    'Field',
    'Any',
    'Dict',
    'List',
    'Literal',
    'Optional',
    'Union',
    'StreamEvent',
    'EVENT_MODELS',
    'parse_event',
    ...ctx.plan.schemas.map((s) => s.typeName),
  ]);
  const defs: PyDef[] = [];
  const sink: PyClassSink = {
    add(suggested, props, mode) {
      const name = names.claim(suggested);
      addClass(name, '', props, mode);
      return name;
    },
  };
  function addClass(name: string, doc: string, props: readonly ZProp[], mode: string): void {
    const attrs = attributeNames(props);
    const fields = props.map((p, i) => fieldLine(p, attrs[i]!, name, sink));
    defs.push({ isClass: true, name, doc, extra: EXTRA[mode]!, fields, empty: fields.length === 0, annotation: '' });
  }
  for (const s of ctx.plan.schemas) {
    if (s.node.k === 'object' && s.node.props.length > 0) addClass(s.typeName, docOf(s), s.node.props, s.node.mode);
    else
      defs.push({
        isClass: false,
        name: s.typeName,
        doc: '',
        extra: '',
        fields: [],
        empty: true,
        annotation: pyType(s.node, s.typeName, sink),
      });
  }
  const view = {
    banner: banners().py,
    defs,
    events: ctx.plan.events.map((e) => ({ key: pyString(e.eventType!), name: e.typeName })),
    hasEvents: ctx.plan.events.length > 0,
    classes: defs.filter((d) => d.isClass).map((d) => d.name),
  };
  return [{ path: outPath(ctx, PYDANTIC_FILE), content: ctx.render.render('pydantic.py.hbs', view), producedBy: GENERATE_COMMAND }];
};
