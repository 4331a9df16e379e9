/**
 * The Python aliases a module declares for the mapping to read through: a string-literal alias
 * gives the values a field typed with it accepts, an alias of a union of classes names the
 * request models a call may send.
 */
import { describe, expect, it } from 'vitest';
import { buildCandidates } from '../../tools/analyzer/candidates.js';
import { analyzePython } from '../../tools/analyzer/python/analyze-python.js';
import { fixtureModel } from './fixture-model.js';

const candidates = buildCandidates({ model: fixtureModel, unknownLiteralPatterns: [] });

async function moduleOf(text: string) {
  const [out] = await analyzePython([{ text, ctx: { file: 'sdk/types.py', language: 'python', isTest: false, candidates } }]);
  return out!.module!;
}

describe('Python module aliases', () => {
  it('reads the values of a literal alias, with None left aside however it is written', async () => {
    const module = await moduleOf(
      [
        'Order = Literal["asc", "desc"]',
        'Tier: TypeAlias = Optional[Literal["auto", "flex"]]',
        'Mode = Union[Literal["a"], Literal["b", "c"], None]',
        'Kind = Literal["x"] | None',
        // Open sets: another type beside the literals, or nothing but None.
        'Open = Union[Literal["a"], str]',
        'Nothing = Optional[None]',
        'Lower = Literal["a"]',
        '',
      ].join('\n'),
    );
    expect(module.unions).toEqual([
      ['Order', ['asc', 'desc']],
      ['Tier', ['auto', 'flex']],
      ['Mode', ['a', 'b', 'c']],
      ['Kind', ['x']],
      ['Lower', ['a']],
    ]);
  });

  it('reads an alias of a union of classes, and nothing else, as the variants of a request', async () => {
    const module = await moduleOf(
      [
        'Params = Union[ParamsNonStreaming, ParamsStreaming]',
        'Chosen: TypeAlias = types.ParamsA | types.ParamsB | ParamsC',
        'Single = Union[Params]',
        'Mixed = Union[Params, str]',
        'Optional_ = Optional[Params]',
        '',
      ].join('\n'),
    );
    expect(module.variants).toEqual([
      ['Params', ['ParamsNonStreaming', 'ParamsStreaming']],
      ['Chosen', ['types.ParamsA', 'types.ParamsB', 'ParamsC']],
    ]);
  });
});
