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
  try {
    const { parsed, repairs } = parseWithCommaRepair(value);
    for (const offset of repairs) {
      const before = value.slice(0, offset).split('\n');
      bag.warn({
        code: 'example-missing-comma',
        file,
        line: code.line + before.length,
        column: before.at(-1)!.length + 1,
        message: `Found a line break where a \`,\` belongs in the example of \`${label.text.slice(7)}\`, expected a comma between two members`,
        hint: 'a doc defect: specmap read the example as if the comma were there; report it upstream',
      });
    }
    return { anchor: formatAnchor(file, code.line, code.endLine), value: parsed };
  } catch (error) {
    const m = /position (\d+)/.exec(String((error as Error).message));
    const before = m ? value.slice(0, Number(m[1])).split('\n') : [''];
    bag.error({
      code: 'example-invalid-json',
      file,
      line: code.line + before.length,
      column: before.at(-1)!.length + 1,
      message: `Unexpected JSON in the example of \`${label.text.slice(7)}\`: ${(error as Error).message}, expected a valid JSON payload`,
      hint: 'fix the example payload in the page',
    });
    return undefined;
  }
}

/**
 * The scraped pages drop a comma at a line end now and then (`"delta": "…"` followed by the next
 * member on its own line). Such a payload is still unambiguous: insert the comma where JSON.parse
 * expected one at the start of a line, and report each repair. Anything else stays an error.
 */
function parseWithCommaRepair(text: string): { parsed: JsonValue; repairs: number[] } {
  const repairs: number[] = [];
  let current = text;
  for (;;) {
    try {
      return { parsed: JSON.parse(current) as JsonValue, repairs };
    } catch (error) {
      const message = (error as Error).message;
      const m = /Expected ',' or '[}\]]' after (?:property value|array element) in JSON at position (\d+)/.exec(message);
      if (!m || repairs.length >= 20) throw error;
      const at = Number(m[1]);
      const lineStart = current.lastIndexOf('\n', at - 1);
      if (lineStart < 0 || current.slice(lineStart, at).trim() !== '') throw error;
      current = current.slice(0, lineStart) + ',' + current.slice(lineStart);
      repairs.push(lineStart - repairs.length);
    }
  }
}

/** An example whose keys disagree with the declared fields is a warning at its position. */
export function checkExampleKeys(example: Example, fields: readonly Field[], code: Block, file: string, name: string, bag: DiagnosticBag): void {
  const value = example.value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return;
  const declared = new Set(fields.map((f) => f.name));
  const keys = Object.keys(value);
  const extra = keys.filter((k) => !declared.has(k));
  const missing = [...declared].filter((k) => !(k in value));
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
