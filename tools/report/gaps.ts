/**
 * Missing and partial items, each with what it lacks: required lanes without a location, required
 * fields a definition lacks, for a parameter the spec's type/optionality/default (the mapping's gap
 * sentences say what the code declares instead), and for an enum-valued parameter which of the
 * spec's values the code accepts.
 */
import type { LaneConfig } from '../config/schema.js';
import type { Mapping } from '../mapping/schema.js';
import { indexItems } from '../model/items.js';
import type { Model, Param } from '../model/schema.js';
import { requiredLanesFor } from './lane-rules.js';
import type { GapDetail, ReportItem } from './schema.js';
import { getOwn } from '../model/own.js';

const LACKS = /\black(?:s|ing)\s+(.+)$/;

/** Field names quoted in the mapping's "X lacks `a`, `b`" sentences. */
function lackingFieldsOf(gaps: readonly string[]): string[] {
  const out = new Set<string>();
  for (const g of gaps) {
    const m = LACKS.exec(g);
    if (m) for (const f of m[1]!.matchAll(/`([^`]+)`/g)) out.add(f[1]!);
  }
  return [...out].sort();
}

function paramSpec(param: Param): GapDetail['param'] {
  const f = param.field;
  return {
    type: f.typeText ?? f.type.kind,
    required: f.required,
    ...(f.default !== undefined ? { default: JSON.stringify(f.default) } : {}),
  };
}

export interface GapOptions {
  lanes: readonly LaneConfig[];
  implemented: readonly string[];
}

export function gapDetails(model: Model, mapping: Mapping | undefined, items: readonly ReportItem[], opts: GapOptions): GapDetail[] {
  const byId = indexItems(model);
  const statusOf = new Map(items.map((i) => [i.id, i]));
  const out: GapDetail[] = [];
  for (const item of items) {
    if (item.status !== 'missing' && item.status !== 'partial') continue;
    const entry = mapping ? getOwn(mapping.items, item.id) : undefined;
    const gaps = entry?.gaps ?? [];
    const required = requiredLanesFor(opts.lanes, opts.implemented, item.kind);
    const detail: GapDetail = {
      id: item.id,
      kind: item.kind,
      label: item.label,
      group: item.group,
      anchor: item.anchor,
      status: item.status,
      missingLanes: required.filter((l) => !item.lanes[l]?.length),
      lackingFields: lackingFieldsOf(gaps),
      gaps,
      ...(entry?.manual?.notes ? { notes: entry.manual.notes } : {}),
    };
    const spec = byId.get(item.id);
    if (spec?.kind === 'param') {
      detail.param = paramSpec(spec);
      const values = model.enums.filter((e) => e.param === spec.id);
      if (values.length) {
        // Accepted = the code declares the value somewhere (a location in any lane), whatever its status.
        const accepted = (v: string) => Object.keys(statusOf.get(v)?.lanes ?? {}).length > 0;
        detail.values = {
          accepted: values.filter((v) => accepted(v.id)).map((v) => String(v.value)),
          notAccepted: values.filter((v) => !accepted(v.id)).map((v) => String(v.value)),
        };
      }
    }
    out.push(detail);
  }
  return out;
}
