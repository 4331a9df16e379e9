/** Only OpenAPI 3.0 and 3.1 documents are read; anything else is reported where it shows. */
import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import { isObject, type Json } from './context.js';
import type { LineLocator } from './line-locator.js';

export function checkVersion(doc: unknown, file: string, locator: LineLocator, bag: DiagnosticBag): doc is Json {
  const fail = (line: number, message: string, hint: string): false => {
    bag.error({ code: 'openapi-unsupported', file, line, column: 1, message, hint });
    return false;
  };
  if (!isObject(doc)) {
    return fail(
      1,
      `Found ${Array.isArray(doc) ? 'a list' : doc === null || doc === undefined ? 'an empty document' : `a ${typeof doc}`}, expected an OpenAPI 3.x document (a mapping with \`openapi: 3.0.x\` or \`3.1.x\`)`,
      'point `sources[].path` at an OpenAPI file, or set its `kind`',
    );
  }
  if (doc.swagger !== undefined) {
    return fail(
      locator.lineOf(['swagger']),
      `Found Swagger \`${String(doc.swagger)}\`, expected OpenAPI 3.0 or 3.1`,
      'convert the document to OpenAPI 3 first (e.g. with swagger2openapi)',
    );
  }
  const version = doc.openapi;
  if (version === undefined) {
    return fail(
      1,
      'Found no `openapi` field, expected an OpenAPI 3.x document',
      'point `sources[].path` at an OpenAPI file, or set its `kind` (`catalog` for a YAML event list)',
    );
  }
  if (typeof version !== 'string' || !/^3\.[01](\.\d+)?$/.test(version)) {
    return fail(
      locator.lineOf(['openapi']),
      `Found \`openapi: ${String(version)}\`, expected 3.0.x or 3.1.x`,
      'use an OpenAPI 3.0 or 3.1 document',
    );
  }
  return true;
}
