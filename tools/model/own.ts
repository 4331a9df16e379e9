/**
 * Records keyed by names from sources (event types, schema names, field names, type words) must
 * not see Object.prototype: `record['constructor']` is a function and `'toString' in record` is
 * true on a plain object, and assigning `record['__proto__']` replaces the prototype instead of
 * adding a key. Use a Map where the record is internal; where it is data (the model's `schemas`,
 * example payloads) read and write it through these.
 */

/** `record[key]` when `key` is the record's own property, else undefined. */
export function getOwn<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** `record[key] = value` as a plain data property, also for `__proto__`. */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
