import { describe, expect, it } from 'vitest';
import { trackerCodeColumns } from './columns.js';

const lane = (name: string, title: string, kinds: string[]) => ({ name, title, kinds });

describe('trackerCodeColumns', () => {
  it.each<[string, Parameters<typeof trackerCodeColumns>, [string, string, string[]][]]>([
    [
      'a Python-only server: its lanes, no frontend or reducer column, no route lane',
      [
        undefined,
        [
          lane('inbound', 'In', ['definition']),
          lane('outbound', 'Out', ['emitter']),
          lane('server', 'Routes', ['route', 'param']),
          lane('golden', 'Tests', ['test']),
        ],
      ],
      [
        ['inbound', 'Inbound schema', ['inbound']],
        ['outbound', 'Outbound schema', ['outbound']],
        ['golden', 'Test trace (golden)', ['golden']],
      ],
    ],
    [
      'a lane of another name shows its own title',
      [undefined, [lane('py-models', 'Pydantic models', ['definition'])]],
      [['py-models', 'Pydantic models', ['py-models']]],
    ],
    ['no lanes configured: no code column', [undefined, []], []],
    [
      'nothing to go by: the five columns',
      [undefined, undefined],
      [
        ['inbound', 'Inbound schema', ['inbound']],
        ['outbound', 'Outbound schema', ['outbound']],
        ['frontend', 'Frontend type', ['frontend']],
        ['handler', 'Reducer/handler', ['handler']],
        ['golden', 'Test trace (golden)', ['golden']],
      ],
    ],
    [
      'config columns win over lanes',
      [{ inbound: ['py-models'] }, [lane('py-models', 'Py', ['definition'])]],
      [
        ['inbound', 'Inbound schema', ['py-models']],
        ['outbound', 'Outbound schema', ['outbound']],
        ['frontend', 'Frontend type', ['frontend']],
        ['handler', 'Reducer/handler', ['handler']],
        ['golden', 'Test trace (golden)', ['golden']],
      ],
    ],
  ])('%s', (_name, args, want) => {
    expect(trackerCodeColumns(...args).map((c) => [c.key, c.title, c.lanes])).toEqual(want);
  });
});
