/**
 * End to end: `specmap diff` (the built binary in the first case, the same program in-process
 * after) on two scrapes of the streaming events page: the reference page copied to a temporary
 * folder and a modified copy made at test time (one field renamed, one event added, in our own
 * words). Exact stdout and exit codes.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, CORPUS, runBinary } from '../helpers/temp-workspace.js';
import { runInProcess } from '../helpers/run-in-process.js';

let dir: string;
const PAGE = 'DOC_streaming_events.md';

/** In this process (tests/helpers/run-in-process.ts): same arguments, output and exit code. */
const run = (...args: string[]) => runInProcess(dir, args);

/** Renames the first `sequence_number` field of `response.created` and adds an event before the next one. */
function modify(text: string): string {
  const start = text.indexOf('## response.created');
  const at = text.indexOf('sequence\\_number', start);
  let out = `${text.slice(0, at)}seq\\_no${text.slice(at + 'sequence\\_number'.length)}`;
  const next = out.indexOf('## response.in\\_progress');
  const added =
    '## response.nap.started\n\nSent when the model pauses.\n\nnap\\_ms\n\ninteger\n\nHow long the pause lasts.\n\ntype\n\nstring\n\nAlways `response.nap.started`.\n\n';
  out = out.slice(0, next) + added + out.slice(next);
  return out;
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
  dir = mkdtempSync(join(tmpdir(), 'specmap-diff-'));
  mkdirSync(join(dir, 'a'));
  mkdirSync(join(dir, 'b'));
  cpSync(join(CORPUS, 'openai-docs', PAGE), join(dir, 'a', PAGE));
  writeFileSync(join(dir, 'b', PAGE), modify(readFileSync(join(dir, 'a', PAGE), 'utf8')));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('specmap diff on two markdown scrapes', () => {
  it('pretty: the renamed field (breaking) and the added event, exit 1', () => {
    const r = runBinary(dir, ['diff', `a/${PAGE}`, `b/${PAGE}`]);
    expect(r.stdout).toBe(
      [
        `specmap diff a/${PAGE} → b/${PAGE} (scope: responses)`,
        '',
        'breaking (1)',
        `  a/${PAGE}:316-320: error event:response.created#sequence_number: field removed (was \`integer\`) [field-removed]`,
        `      new: b/${PAGE}:304-367`,
        '',
        'non-breaking (2)',
        `  b/${PAGE}:316-320: info event:response.created#seq_no: field added: \`integer\` [field-added]`,
        `      old: a/${PAGE}:304-367`,
        `  b/${PAGE}:369-383: info event:response.nap.started: event added [item-added]`,
        '',
        '1 breaking, 0 warning, 0 deprecation, 2 non-breaking, 0 docs-only',
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(1);
  });

  it('--fail-on none exits 0; --fail-on non-breaking still 1', async () => {
    expect((await run('diff', `a/${PAGE}`, `b/${PAGE}`, '--fail-on', 'none')).code).toBe(0);
    expect((await run('diff', `b/${PAGE}`, `b/${PAGE}`, '--fail-on', 'docs-only')).code).toBe(0);
    expect((await run('diff', `a/${PAGE}`, `b/${PAGE}`, '--fail-on', 'non-breaking')).code).toBe(1);
  });

  it('json: the change list with classes and both anchors', async () => {
    const r = await run('diff', `a/${PAGE}`, `b/${PAGE}`, '--format', 'json');
    const out = JSON.parse(r.stdout) as { summary: Record<string, number>; changes: { id: string; class: string; anchors: object }[] };
    expect(out.summary).toEqual({ breaking: 1, warning: 0, deprecation: 0, 'non-breaking': 2, 'docs-only': 0 });
    expect(out.changes.map((c) => `${c.class} ${c.id}`)).toEqual([
      'breaking field-removed event:response.created#sequence_number',
      'non-breaking field-added event:response.created#seq_no',
      'non-breaking item-added event:response.nap.started',
    ]);
    expect(out.changes[0]!.anchors).toEqual({ old: `${PAGE}:316-320`, new: `${PAGE}:304-367` });
  });

  it('github: one annotation per change, on the file where it is', async () => {
    const lines = (await run('diff', `a/${PAGE}`, `b/${PAGE}`, '--format', 'github')).stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      `::error file=a/${PAGE},line=316,endLine=320,title=specmap diff [field-removed]::event:response.created#sequence_number: field removed (was \`integer\`) (new: b/${PAGE}:304-367)`,
    );
    expect(lines[2]).toMatch(new RegExp(`^::notice file=b/${PAGE},line=369,`));
  });

  it('markdown: summary and a table per class', async () => {
    const md = (await run('diff', `a/${PAGE}`, `b/${PAGE}`, '--format', 'markdown')).stdout;
    expect(md).toContain('| breaking | 1 |');
    expect(md).toContain('| `event:response.nap.started` | event added |');
  });

  it('a source against a model.json written by extract (only what that source contributed is compared)', async () => {
    cpSync(join(CORPUS, 'openai-docs', 'DOC_responses.md'), join(dir, 'a', 'DOC_responses.md'));
    writeFileSync(join(dir, 'specmap.config.json'), JSON.stringify({ sources: [{ path: `a/${PAGE}` }, { path: 'a/DOC_responses.md' }] }));
    expect((await run('extract')).code).toBe(0);
    const r = await run('diff', 'spec/model.json', `b/${PAGE}`, '--format', 'json');
    const out = JSON.parse(r.stdout) as { changes: { id: string }[] };
    expect(out.changes.map((c) => c.id)).toEqual([
      'field-removed event:response.created#sequence_number',
      'field-added event:response.created#seq_no',
      'item-added event:response.nap.started',
    ]);
    expect(r.code).toBe(1);
    rmSync(join(dir, 'specmap.config.json'));
  });

  it('bad input exits 2 with a diagnostic, bad flags exit 2', async () => {
    const missing = await run('diff', 'nope.md', `b/${PAGE}`);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.md:1:1: error Missing file');
    writeFileSync(join(dir, 'old-swagger.yaml'), 'swagger: "2.0"\ninfo: { title: t, version: "1" }\npaths: {}\n');
    const swagger = await run('diff', 'old-swagger.yaml', `b/${PAGE}`);
    expect(swagger.code).toBe(2);
    expect(swagger.stderr).toMatch(/old-swagger\.yaml:\d+:\d+: error/);
    expect((await run('diff', `a/${PAGE}`, `b/${PAGE}`, '--fail-on', 'sometimes')).code).toBe(2);
    const summaryAlone = await run('diff', `a/${PAGE}`, `b/${PAGE}`, '--summary');
    expect(summaryAlone.code).toBe(2);
    expect(summaryAlone.stderr).toContain('`--summary` with `--format pretty`, expected it with `--format markdown`');
    expect((await run('diff', `a/${PAGE}`)).code).toBe(2);
  });
});

/**
 * Two small OpenAPI documents written here: the new one adds an endpoint with a required
 * parameter, a value to a response enum, a field to a schema two events and the object share,
 * and a `?beta=true` variant of the create path.
 */
const spec = (next: boolean): string => `openapi: 3.1.0
info: { title: Pets, version: "${next ? 2 : 1}" }
paths:
  /responses:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                model: { type: string }
      responses:
        "200":
          description: OK
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Response" }
            text/event-stream:
              schema: { $ref: "#/components/schemas/StreamEvent" }
  /responses/{response_id}:
    get:
      parameters:
        - { name: response_id, in: path, required: true, schema: { type: string } }
      responses:
        "200":
          description: OK
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Response" }
${
  next
    ? `  /responses/{response_id}/pin:
    post:
      parameters:
        - { name: response_id, in: path, required: true, schema: { type: string } }
      requestBody:
        content:
          application/json:
            schema:
              type: object
              required: [until]
              properties:
                until: { type: integer }
      responses:
        "200": { description: OK }
  /responses?beta=true:
    post:
      responses:
        "200": { description: OK }
`
    : ''
}components:
  schemas:
    Response:
      type: object
      required: [id, status]
      properties:
        id: { type: string }
        status: { type: string, enum: [done, failed${next ? ', paused' : ''}] }
${next ? '        tags: { type: array, items: { type: string } }\n' : ''}    StreamEvent:
      anyOf:
        - $ref: "#/components/schemas/Created"
        - $ref: "#/components/schemas/Done"
    Created:
      type: object
      properties:
        type: { type: string, const: response.created }
        response: { $ref: "#/components/schemas/Response" }
    Done:
      type: object
      properties:
        type: { type: string, const: response.done }
        response: { $ref: "#/components/schemas/Response" }
`;

describe('specmap diff on two OpenAPI documents', () => {
  beforeAll(() => {
    writeFileSync(join(dir, 'old.yaml'), spec(false));
    writeFileSync(join(dir, 'new.yaml'), spec(true));
  });

  it('pretty: each change once with the items it affects; the skipped path said; additive passes --fail-on breaking', async () => {
    const r = await run('diff', 'old.yaml', 'new.yaml');
    expect(r.stdout).toBe(
      [
        'specmap diff old.yaml → new.yaml (scope: responses)',
        '',
        'warning (1)',
        '  new.yaml:56: warning Response#status=paused: value `paused` added [enum-value-added]',
        '      affects event:response.created, event:response.done, object:response',
        '      old: old.yaml:38',
        '',
        'non-breaking (2)',
        '  new.yaml:57: info Response#tags: field added: `array<string>` (optional) [field-added]',
        '      affects event:response.created, event:response.done, object:response',
        '      old: old.yaml:33',
        '  new.yaml:32: info endpoint:POST /v1/responses/{response_id}/pin: endpoint added with 2 parameters [item-added]',
        '',
        'not compared: `/responses?beta=true` (new: `new.yaml:45`), a query variant of another path; `--include-skipped` compares it',
        '',
        '0 breaking, 1 warning, 0 deprecation, 2 non-breaking, 0 docs-only',
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(0);
    expect((await run('diff', 'old.yaml', 'new.yaml', '--fail-on', 'warning')).code).toBe(1);
  });

  it('--include-skipped compares the skipped path: one more endpoint, added whole', async () => {
    const r = await run('diff', 'old.yaml', 'new.yaml', '--include-skipped', '--format', 'json');
    const out = JSON.parse(r.stdout) as { skipped: object; changes: { id: string; class: string }[] };
    expect(out.skipped).toEqual({ old: [], new: [] });
    expect(out.changes.map((c) => `${c.class} ${c.id}`)).toEqual([
      'warning enum-value-added Response#status=paused',
      'non-breaking field-added Response#tags',
      'non-breaking item-added endpoint:POST /v1/responses/{response_id}/pin',
      'non-breaking item-added endpoint:POST /v1/responses?beta=true',
    ]);
    expect(r.code).toBe(0);
  });

  it('markdown --summary: the short list, types in code', async () => {
    const r = await run('diff', 'old.yaml', 'new.yaml', '--format', 'markdown', '--summary');
    expect(r.stdout).toContain('### warning (1)\n\n- `Response#status=paused`: value `paused` added (3 items)\n');
    expect(r.stdout).toContain('- `Response#tags`: field added: `array<string>` (optional) (3 items)\n');
    expect(r.stdout).toContain('### not compared\n\n- not compared: `/responses?beta=true`');
    expect(r.code).toBe(0);
  });
});
