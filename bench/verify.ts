/**
 * Benchmark for `specmap verify`. Run by hand:
 *   npx tsx bench/verify.ts [events=100000] [long-line-MB=300]
 * Writes a JSON Lines trace of N events (message items of 100 deltas each) to a temp dir, then:
 *  - floor: split the file into lines and JSON.parse each (the least any reader must do);
 *  - verify: specmap's full check pass (no SDK) with the reference baseline loaded (learned from
 *    ../shared/recordings/openai), events/s and the ratio to the floor (target ≤ 2x);
 *  - memory: peak RSS / heap in a child process each: a 1x and a 10x clean trace, and traces with 20k
 *    and 200k violations, to show memory is flat in both;
 *  - one long line: a single line of the given size (over the default 32 Mi limit: skipped and
 *    reported) and one of a tenth of it (read), to show line splitting is linear.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';

const root = resolve(import.meta.dirname, '..');
const N = Number(process.argv[2] ?? 100_000);
const LONG_MB = Number(process.argv[3] ?? 300);
const recordings = join(root, '../shared/recordings/openai');

/** A trace whose every event is a finding: created, in_progress, then unknown event types. */
async function writeViolations(path: string, violations: number): Promise<void> {
  const out = createWriteStream(path);
  const resp = { id: 'resp_v', object: 'response', created_at: 1, status: 'in_progress', model: 'm', output: [] };
  out.write(JSON.stringify({ type: 'response.created', sequence_number: 0, response: resp }) + '\n');
  out.write(JSON.stringify({ type: 'response.in_progress', sequence_number: 1, response: resp }) + '\n');
  for (let i = 0; i < violations; i++) {
    if (!out.write(JSON.stringify({ type: `response.not_a_type_${i % 7}`, sequence_number: i + 2, delta: 'x' }) + '\n'))
      await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** One JSON line of about `mb` megabytes and no line end before its last byte. */
async function writeLongLine(path: string, mb: number): Promise<void> {
  const out = createWriteStream(path);
  const chunk = 'x'.repeat(1024 * 1024);
  out.write('{"type":"response.output_text.delta","delta":"');
  for (let i = 0; i < mb; i++) if (!out.write(chunk)) await once(out, 'drain');
  out.end('"}\n');
  await once(out, 'finish');
}

async function writeTrace(path: string, events: number): Promise<void> {
  const out = createWriteStream(path);
  let seq = 0;
  const write = async (e: Record<string, unknown>) => {
    if (!out.write(JSON.stringify({ ...e, sequence_number: seq++ }) + '\n')) await once(out, 'drain');
  };
  const resp = (status: string, output: unknown[]) => ({ id: 'resp_b', object: 'response', created_at: 1, status, model: 'm', output });
  await write({ type: 'response.created', response: resp('in_progress', []) });
  await write({ type: 'response.in_progress', response: resp('in_progress', []) });
  const perItem = 106;
  const items = Math.max(1, Math.floor((events - 3) / perItem));
  const output: unknown[] = [];
  for (let i = 0; i < items; i++) {
    const id = `msg_${i}`;
    const base = { item_id: id, output_index: i, content_index: 0 };
    const text = Array.from({ length: 100 }, (_, k) => `w${k} `).join('');
    const item = { id, type: 'message', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text, annotations: [] }] };
    await write({ type: 'response.output_item.added', output_index: i, item: { ...item, content: [] } });
    await write({ type: 'response.content_part.added', ...base, part: { type: 'output_text', text: '', annotations: [] } });
    for (let k = 0; k < 100; k++) await write({ type: 'response.output_text.delta', ...base, delta: `w${k} `, logprobs: [] });
    await write({ type: 'response.output_text.done', ...base, text, logprobs: [] });
    await write({ type: 'response.content_part.done', ...base, part: item.content[0] });
    await write({ type: 'response.output_item.done', output_index: i, item });
    output.push(item);
  }
  await write({ type: 'response.completed', response: resp('completed', output) });
  out.end();
  await once(out, 'finish');
}

async function floor(path: string): Promise<number> {
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    if (line) {
      JSON.parse(line);
      n++;
    }
  }
  return n;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'specmap-bench-verify-'));
  try {
    const small = join(dir, 'trace.jsonl');
    const big = join(dir, 'trace-10x.jsonl');
    await writeTrace(small, N);
    await writeTrace(big, N * 10);
    const events = readFileSync(small, 'utf8').split('\n').filter(Boolean).length;
    console.log(`trace: ${events} events, ${(statSync(small).size / 1e6).toFixed(1)} MB; 10x: ${(statSync(big).size / 1e6).toFixed(1)} MB`);

    const { loadConfig } = await import('../tools/config/load.js');
    const { loadModelState } = await import('../tools/pipeline/model.js');
    const { verifyTraces } = await import('../tools/verify/verify.js');
    const { resolveSeverities } = await import('../tools/verify/severity.js');
    const { config, root: cfgRoot } = await loadConfig(join(root, 'specmap.config.json'));
    const { model } = await loadModelState(config, cfgRoot);
    const severities = resolveSeverities({});
    const { loadEventSchemas } = await import('../tools/verify/event-schemas.js');
    const { buildGrammar } = await import('../tools/verify/grammar.js');
    const { verifyStream } = await import('../tools/verify/verify-stream.js');
    const { openTrace } = await import('../tools/verify/input/open-trace.js');
    const { loadBaseline } = await import('../tools/verify/verify.js');
    let t0 = performance.now();
    const baseline = await loadBaseline(recordings, model);
    console.log(
      `baseline: learned ${baseline.profile.deviations.length} deviations from ${baseline.profile.recordings.length} recordings in ${(performance.now() - t0).toFixed(0)} ms`,
    );
    t0 = performance.now();
    const loaded = await loadEventSchemas(model, 'passthrough');
    const { getBundledStreamProfile } = await import('../tools/verify/stream-profile.js');
    const profile = getBundledStreamProfile('responses')!;
    const ctx = { profile, grammar: buildGrammar(model, profile), schemas: loaded.schemas, names: loaded.names, baseline };
    console.log(`setup (schemas + grammar, once per run): ${(performance.now() - t0).toFixed(0)} ms`);
    const stream = async () => verifyStream((await openTrace(small)).items, ctx, { severities });

    await floor(small); // warm-up
    await stream();
    t0 = performance.now();
    await verifyTraces([small], model, { severities, sdk: false, baseline });
    const tWhole = performance.now() - t0;
    // Floor and verify alternate, best of 3 each: on a shared machine both then sample the same load,
    // so the ratio compares like with like (two separate best-of-3 windows drifted by 2x).
    let tFloor = Infinity;
    let tVerify = Infinity;
    let violations = -1;
    for (let i = 0; i < 3; i++) {
      let t = performance.now();
      await floor(small);
      tFloor = Math.min(tFloor, performance.now() - t);
      t = performance.now();
      violations = (await stream()).violations.length;
      tVerify = Math.min(tVerify, performance.now() - t);
    }
    const rate = (ms: number) => Math.round(events / (ms / 1000)).toLocaleString('en-US');
    console.log(`floor  (split + JSON.parse): ${tFloor.toFixed(0)} ms, ${rate(tFloor)} events/s`);
    console.log(
      `verify (all checks, baseline loaded, no SDK): ${tVerify.toFixed(0)} ms, ${rate(tVerify)} events/s, ${violations} violations`,
    );
    console.log(`verifyTraces end to end (setup + stream, once): ${tWhole.toFixed(0)} ms`);
    console.log(`ratio verify/floor: ${(tVerify / tFloor).toFixed(2)}x (target ≤ 2x)`);

    // Peak memory in fresh processes: flat means the 10x peak is not ~10x the 1x peak.
    const noisy20k = join(dir, 'violations-20k.jsonl');
    const noisy200k = join(dir, 'violations-200k.jsonl');
    await writeViolations(noisy20k, 20_000);
    await writeViolations(noisy200k, 200_000);
    for (const [label, path] of [
      ['1x', small],
      ['10x', big],
      ['20k violations', noisy20k],
      ['200k violations', noisy200k],
    ] as const) {
      const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(root, 'bench/verify-memory.ts'), path, recordings], {
        cwd: root,
        encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(r.stderr);
      console.log(`memory ${label}: ${r.stdout.trim()}`);
    }

    // One long line, read through the CLI's reader: time grows with its length, not its square.
    const { readLineBatches } = await import('../tools/verify/input/lines.js');
    for (const mb of [LONG_MB / 10, LONG_MB]) {
      const path = join(dir, `line-${mb}.jsonl`);
      await writeLongLine(path, mb);
      const t = performance.now();
      let report = '';
      for await (const batch of readLineBatches(createReadStream(path, { highWaterMark: 256 * 1024 })))
        for (const l of batch) report = l.problem ? `skipped: ${l.problem.message}` : `read ${l.text.length} characters`;
      console.log(`one line of ${mb} MB: ${(performance.now() - t).toFixed(0)} ms, ${report}`);
      rmSync(path);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
