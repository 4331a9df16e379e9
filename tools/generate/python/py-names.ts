/** Python identifiers for wire names: keywords and names that shadow pydantic's BaseModel get an alias. */
const KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case type'.split(
    ' ',
  ),
);
/**
 * BaseModel attributes under Pydantic 1.10 and 2 that a field may not shadow, and the names a class
 * body reads after its fields: `str: Optional[str] = None` would rebind `str` for every later annotation.
 */
const SHADOWED = new Set(
  'dict json copy parse_obj parse_raw parse_file from_orm schema schema_json construct validate fields update_forward_refs Config model_config model_fields model_dump model_validate model_copy model_construct model_json_schema Any Dict List Literal Optional Union Field BaseModel str int float bool'.split(
    ' ',
  ),
);
/** Names Python refuses as a parameter (`__debug__` cannot be assigned). */
const UNASSIGNABLE = new Set(['__debug__']);

/** The attribute name for a wire name, and whether it needs `alias=`. `type` stays usable as a field. */
export function pyFieldName(wire: string): { name: string; aliased: boolean } {
  let name = wire.replace(/[^A-Za-z0-9_]/g, '_').replace(/^_+/, '');
  if (!name || /^[0-9]/.test(name)) name = `f_${name}`;
  if (wire === 'type') return { name: 'type', aliased: false };
  if (KEYWORDS.has(name) || SHADOWED.has(name) || name.startsWith('model_')) name = `${name}_`;
  return { name, aliased: name !== wire };
}

/** A parameter name for a builder function (no aliases there). */
export function pyParamName(wire: string): string {
  let name = wire.replace(/[^A-Za-z0-9_]/g, '_');
  if (!name || /^[0-9]/.test(name)) name = `f_${name}`;
  return KEYWORDS.has(name) || UNASSIGNABLE.has(name) ? `${name}_` : name;
}
