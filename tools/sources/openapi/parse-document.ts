/**
 * OpenAPI text → plain JSON value + a line locator. JSON goes through `JSON.parse`; YAML through
 * js-yaml with its CORE schema (YAML 1.2 core, as the `yaml` package reads it: no timestamps, so a
 * date-like example stays a string), as far as the value is read (lazy-yaml.ts). js-yaml is ~8x
 * faster than `yaml` on the 3 MB OpenAI spec and gives the same value (bench/openapi.ts checks both).
 */
import jsyaml from 'js-yaml';
import type { Diagnostic, DiagnosticBag } from '../../diagnostics/diagnostic.js';
import { positionAt } from '../../io/json-positions.js';
import { loadYamlLazily } from './lazy-yaml.js';
import { LineLocator } from './line-locator.js';

export interface ParsedDocument {
  doc: unknown;
  locator: LineLocator;
}

export function parseDocument(text: string, file: string, bag: DiagnosticBag): ParsedDocument | undefined {
  const json = /^\s*[{[]/.test(text);
  try {
    const lines = text.split('\n');
    // The lazy reader's scan of the lines already knows each one's indent, and which lines only
    // continue a quoted scalar: the locator takes them rather than reading every line again.
    let indents: Int32Array | undefined;
    const doc = json
      ? JSON.parse(text)
      : loadYamlLazily(text, file, lines, (scanned) => {
          indents = scanned;
        });
    return { doc, locator: new LineLocator(lines, indents) };
  } catch (error) {
    bag.add(malformedDiagnostic(error, text, file, json));
    return undefined;
  }
}

/** js-yaml's syntax error, which a lazily parsed document may also raise when a part of it is first read. */
export const isYamlError = (error: unknown): boolean => error instanceof jsyaml.YAMLException;

export function malformedDiagnostic(error: unknown, text: string, file: string, json: boolean): Diagnostic {
  const at = errorPosition(error, text);
  const reason = error instanceof Error ? ((error as { reason?: string }).reason ?? error.message.split('\n')[0]) : String(error);
  return {
    severity: 'error',
    code: 'openapi-malformed',
    file,
    line: at.line,
    column: at.column,
    message: `Found malformed ${json ? 'JSON' : 'YAML'} (${reason}), expected an OpenAPI 3.x document`,
    hint: 'fix the syntax at this position (a YAML linter or `node -e "JSON.parse(…)"` shows the same error)',
  };
}

function errorPosition(error: unknown, text: string): { line: number; column: number } {
  const mark = (error as { mark?: { line: number; column: number } }).mark;
  if (mark) return { line: mark.line + 1, column: mark.column + 1 };
  const message = error instanceof Error ? error.message : '';
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message);
  if (pos) return positionAt(text, Number(pos[1]));
  return { line: 1, column: 1 };
}
