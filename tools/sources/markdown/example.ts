/**
 * Example payloads: an `OBJECT <name>` paragraph followed by a ```json block. The scrape escapes
 * line-final `[` and `{` inside arrays with a trailing backslash (`"output": [\`); those are
 * scrape artifacts, not JSON, and are removed before parsing.
 */
import type { Code } from 'mdast';
import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import { formatAnchor } from '../../model/anchor.js';
import type { Example, Field, JsonValue } from '../../model/schema.js';
import type { Block } from './blocks.js';
import { findJsonError, type JsonSyntaxError } from '../../io/json-scan.js';
import { positionAt } from '../../io/json-positions.js';

export function isExampleLabel(block: Block | undefined): boolean {
  return block?.node.type === 'paragraph' && /^OBJECT\s+\S/.test(block.text);
}

export function parseExample(label: Block, code: Block | undefined, file: string, bag: DiagnosticBag): Example | undefined {
  if (code?.node.type !== 'code') {
    bag.error({
      code: 'example-missing',
      file,
      line: label.line,
      column: label.column,
      message: `Found \`${label.text}\` without a code block after it, expected a \`\`\`json block with the example payload`,
      hint: 'add the example payload below the OBJECT line or remove the line',
    });
    return undefined;
  }
  const value = (code.node as Code).value.replace(/\\$/gm, '');
  // The payload starts on the line after the opening fence; removing line-final backslashes
  // keeps every line and every column before them where it was.
  const at = (offset: number) => {
    const p = positionAt(value, offset);
    return { line: code.line + p.line, column: p.column };
  };
  const name = label.text.slice('OBJECT '.length);
  const result = parseWithCommaRepair(value);
  for (const offset of result.repairs) {
    bag.warn({
      code: 'example-missing-comma',
      file,
      ...at(offset),
      message: `Found a line break where a \`,\` belongs in the example of \`${name}\`, expected a comma between two members`,
      hint: 'a doc defect: specmap read the example as if the comma were there; report it upstream',
    });
  }
  if ('error' in result) {
    const { error } = result;
    bag.error({
      code: 'example-invalid-json',
      file,
      ...at(error.offset),
      message: `Found ${error.found} in the example of \`${name}\`, expected ${error.expected} (the payload is not valid JSON)`,
      hint: 'fix the example payload in the page',
    });
    return undefined;
  }
  return { anchor: formatAnchor(file, code.line, code.endLine), value: result.parsed };
}

type Parsed = { parsed: JsonValue; repairs: number[] } | { error: JsonSyntaxError; repairs: number[] };

/**
 * The scraped pages drop a comma at a line end now and then (`"delta": "…"` followed by the next
 * member on its own line). Such a payload is still unambiguous: insert the comma after the value
 * that ends the line, and report each repair (offsets into `text`). Anything else is an error at
 * its offset in `text`.
 */
function parseWithCommaRepair(text: string): Parsed {
  const repairs: number[] = [];
  let current = text;
  for (;;) {
    try {
      return { parsed: JSON.parse(current) as JsonValue, repairs };
    } catch {
      const error = findJsonError(current);
      // JSON.parse and the scanner disagree only on engine quirks; treat that as invalid here.
      if (!error) return { error: { offset: 0, found: 'a payload', expected: 'valid JSON', afterValue: false }, repairs };
      const valueEnd = current.slice(0, error.offset).trimEnd().length;
      const lineBreak = current.slice(valueEnd, error.offset).includes('\n');
      if (!error.afterValue || !lineBreak || error.found === 'the end' || repairs.length >= 20) {
        return { error: { ...error, offset: error.offset - repairs.length }, repairs };
      }
      current = current.slice(0, valueEnd) + ',' + current.slice(valueEnd);
      repairs.push(valueEnd - repairs.length);
    }
  }
}

/** An example whose keys disagree with the declared fields is a warning at its position. */
export function checkExampleKeys(
  example: Example,
  fields: readonly Field[],
  code: Block,
  file: string,
  name: string,
  bag: DiagnosticBag,
): void {
  const value = example.value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return;
  const declared = new Set(fields.map((f) => f.name));
  const keys = Object.keys(value);
  const extra = keys.filter((k) => !declared.has(k));
  const missing = [...declared].filter((k) => !Object.hasOwn(value, k));
  if (!extra.length && !missing.length) return;
  const parts = [
    extra.length ? `keys ${extra.map((k) => `\`${k}\``).join(', ')} that no field declares` : '',
    missing.length ? `no ${missing.map((k) => `\`${k}\``).join(', ')} although declared` : '',
  ].filter(Boolean);
  bag.warn({
    code: 'example-keys-mismatch',
    file,
    line: code.line,
    column: code.column,
    message: `Found an example of \`${name}\` with ${parts.join(' and ')}, expected the example keys to equal the declared fields`,
    hint: 'a doc defect: report it upstream (warnings fail the run only with --strict)',
  });
}

export function exampleKeys(value: JsonValue | undefined): string[] {
  return value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
}
