/**
 * The Python facts pass: which code it reads and which symbol each fact gets. Facts take the
 * innermost function, or class body, they stand in; a decorator belongs to what it decorates (a
 * test's `@pytest.mark.parametrize` types are that test's) and a class's header (its name and bases)
 * to the code around; an f-string's holes are code like any other (a server's
 * `f"data: {json.dumps({'type': …})}\n\n"`), while a plain string holds nothing more.
 */
import { describe, expect, it } from 'vitest';
import { buildCandidates } from '../../tools/analyzer/candidates.js';
import { analyzePython } from '../../tools/analyzer/python/analyze-python.js';
import { fixtureModel } from './fixture-model.js';

const candidates = buildCandidates({ model: fixtureModel, unknownLiteralPatterns: [] });

async function facts(text: string): Promise<string[]> {
  const [out] = await analyzePython([{ text, ctx: { file: 'app/stream.py', language: 'python', isTest: false, candidates } }]);
  return out!.facts.map((f) => `${f.line}:${f.column} ${f.kind} ${f.symbol} ${f.literal ?? f.className}`);
}

describe('Python facts pass', () => {
  it('gives each fact the innermost function or class body it stands in', async () => {
    const text = [
      'send("response.created")',
      'class Stream:',
      '    kind = emit("response.in_progress")',
      '    def run(self, first=send("response.queued")):',
      '        def inner():',
      '            yield {"type": "response.completed"}',
      '        return emit("response.failed")',
      '    after = emit("response.incomplete")',
      'emit("response.output_text.delta")',
      '',
    ].join('\n');
    expect(await facts(text)).toEqual([
      '1:6 emitter <module> response.created',
      '3:17 emitter Stream response.in_progress',
      '4:30 emitter run response.queued',
      '6:28 emitter inner response.completed',
      '7:21 emitter run response.failed',
      '8:18 emitter Stream response.incomplete',
      '9:6 emitter <module> response.output_text.delta',
    ]);
  });

  it("gives a decorator to what it decorates, not a class's header, and reads an f-string's holes as code", async () => {
    const text = [
      '@on("response.created")',
      'def handle(event):',
      '    return Created(event)',
      'class Wrapped(base_for("response.completed"), Base):',
      '    note = f"{send(\'response.failed\')}"',
      '    def go(self):',
      '        return ResponseCreatedEvent(x=1)',
      '',
    ].join('\n');
    expect(await facts(text)).toEqual([
      '1:5 handler handle response.created',
      '3:12 emitter handle Created',
      '4:47 definition Wrapped Base',
      '5:20 emitter Wrapped response.failed',
      '7:16 emitter go ResponseCreatedEvent',
    ]);
  });

  it('gives stacked decorators, of a method too, to the definition they decorate, and nothing after it', async () => {
    const text = [
      '@pytest.mark.asyncio',
      '@pytest.mark.parametrize("kind", ["response.failed", "response.incomplete"])',
      'async def test_terminal(kind):',
      '    assert kind',
      'class Suite:',
      '    @cases("response.completed")',
      '    def test_done(self): ...',
      '    after = emit("response.queued")',
      'emit("response.created")',
      '',
    ].join('\n');
    expect(await facts(text)).toEqual([
      '2:35 literal test_terminal response.failed',
      '2:54 literal test_terminal response.incomplete',
      '6:12 literal test_done response.completed',
      '8:18 emitter Suite response.queued',
      '9:6 emitter <module> response.created',
    ]);
  });

  it('reads a dict built inside an f-string, and nothing of a plain string that looks like one', async () => {
    const text = [
      'async def gen():',
      "    yield f\"data: {json.dumps({'type': 'response.created'})}\\n\\n\"",
      "    yield \"data: {json.dumps({'type': 'response.queued'})}\"",
      '',
    ].join('\n');
    expect(await facts(text)).toEqual(['2:40 emitter gen response.created']);
  });

  it("builds a model through Pydantic's constructors without validation, not through model_validate", async () => {
    const text = [
      'def build(r):',
      '    a = ResponseCreatedEvent.model_construct(response=r, sequence_number=0)',
      '    b = events.ResponseFailedEvent.construct(response=r)',
      '    c = ResponseQueuedEvent.model_validate(payload)',
      '    return a, b, c',
      '',
    ].join('\n');
    expect(await facts(text)).toEqual([
      '2:9 emitter build ResponseCreatedEvent',
      '3:9 emitter build events.ResponseFailedEvent',
      // The SDK class read through a module: a definition by reference, which the workspace pass resolves.
      '3:9 definition events.ResponseFailedEvent events.ResponseFailedEvent',
    ]);
  });
});
