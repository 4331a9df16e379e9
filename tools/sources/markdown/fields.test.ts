import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import { toBlocks } from './blocks.js';
import { parseFields, startsField } from './fields.js';
import { parseMarkdown } from './parse.js';

const blocksOf = (md: string) => toBlocks(parseMarkdown(md), md);

function fields(md: string) {
  const bag = new DiagnosticBag();
  const parsed = parseFields(blocksOf(md), 'f.md', 'f.md', bag);
  return { parsed, fields: parsed.map((p) => p.field), bag };
}

describe('parseFields: one field per run', () => {
  const cases: [string, { given: string; want: Record<string, unknown> }][] = [
    [
      'plain',
      {
        given: 'colour\n\nstring\n\nWhich paint to use.',
        want: {
          name: 'colour',
          typeText: 'string',
          type: { kind: 'string' },
          required: null,
          nullable: false,
          deprecated: false,
          collapsed: false,
          description: 'Which paint to use.',
        },
      },
    ],
    ['required', { given: 'size\n\ninteger\n\nRequired\n\nHow big.', want: { required: true, description: 'How big.' } }],
    ['optional', { given: 'size\n\ninteger\n\nOptional\n\nHow big.', want: { required: false } }],
    ['nullable', { given: 'size\n\ninteger or null\n\nHow big.', want: { type: { kind: 'integer' }, nullable: true } }],
    [
      'union',
      {
        given: 'shape\n\nstring or object\n\nA name or a full shape.',
        want: { type: { kind: 'union', variants: [{ kind: 'string' }, { kind: 'object' }] }, typeText: 'string or object' },
      },
    ],
    [
      'deprecated before the type',
      {
        given: 'old_knob\n\nDeprecated\n\nstring\n\nOptional\n\nUse the new knob.',
        want: { deprecated: true, required: false, type: { kind: 'string' } },
      },
    ],
    [
      'deprecated among markers',
      { given: 'old_knob\n\nstring\n\nOptional\n\nDeprecated\n\nUse the new knob.', want: { deprecated: true } },
    ],
    [
      'default false',
      {
        given: 'quiet\n\nboolean\n\nOptional\n\nDefaults to false\n\nWhether to hush.',
        want: { default: false, description: 'Whether to hush.' },
      },
    ],
    ['default null', { given: 'owner\n\nstring\n\nOptional\n\nDefaults to null\n\nWho owns it.', want: { default: null } }],
    ['default number', { given: 'ratio\n\nnumber\n\nOptional\n\nDefaults to 0.5\n\nHow much.', want: { default: 0.5 } }],
    [
      'default string in backticks',
      { given: 'mode\n\nstring\n\nOptional\n\nDefaults to `fast`\n\nHow to run.', want: { default: 'fast' } },
    ],
    ['default bare word', { given: 'mode\n\nstring\n\nOptional\n\nDefaults to slow\n\nHow to run.', want: { default: 'slow' } }],
    [
      'show properties',
      { given: 'shape\n\nobject\n\nA full shape.\n\nShow properties', want: { collapsed: true, description: 'A full shape.' } },
    ],
    [
      'show possible types',
      {
        given: 'shape\n\nstring or object\n\nA name or a shape.\n\nShow possible types',
        want: { collapsed: true, description: 'A name or a shape.' },
      },
    ],
    [
      'model note and SDK marker kept in the description',
      {
        given: 'effort\n\nobject\n\nOptional\n\n**big models only**\n\nSDK Only\n\nHow hard to try.',
        want: { description: '**big models only**\n\nSDK Only\n\nHow hard to try.' },
      },
    ],
    [
      'listed values',
      {
        given: 'extras\n\narray\n\nOptional\n\nWhat else to send back:\n\n- `alpha.one`: the first extra.\n- `beta.two`: the second extra.',
        want: { enum: ['alpha.one', 'beta.two'] },
      },
    ],
    [
      'list items that are not values',
      {
        given: 'extras\n\narray\n\nSome notes:\n\n- plain words here\n- `code` in the middle, no colon',
        want: { description: 'Some notes:\n\n- plain words here\n- `code` in the middle, no colon' },
      },
    ],
    [
      'anchor from name line to last block',
      { given: 'colour\n\nstring\n\nWhich paint\nto use.\n\nShow properties', want: { anchors: ['f.md:1-8'] } },
    ],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    const { fields: got, bag } = fields(given);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject(want);
    expect(bag.items).toEqual([]);
  });

  it('lists values with their prose and line for enum items', () => {
    const { parsed } = fields('extras\n\narray\n\nPick any:\n\n- `alpha.one`: the first extra.\n- `beta.two` (default): the second extra.');
    expect(parsed[0]!.values).toEqual([
      { value: 'alpha.one', description: 'the first extra.', line: 7 },
      { value: 'beta.two', description: 'the second extra.', line: 8 },
    ]);
  });

  it('no enum key when there is no list', () => {
    expect(fields('colour\n\nstring\n\nWhich paint.').fields[0]).not.toHaveProperty('enum');
    expect(fields('colour\n\nstring\n\nWhich paint.').fields[0]).not.toHaveProperty('default');
  });
});

describe('parseFields: runs of fields', () => {
  it('splits at every name + type pair and anchors each to its last block', () => {
    const md = [
      'alpha',
      '',
      'string',
      '',
      'First one.',
      '',
      'beta',
      '',
      'integer or null',
      '',
      'Second one.',
      '',
      'Show properties',
      '',
      'gamma',
      '',
      'map',
      '',
    ].join('\n');
    const got = fields(md).fields;
    expect(got.map((f) => [f.name, f.anchors[0], f.collapsed])).toEqual([
      ['alpha', 'f.md:1-5', false],
      ['beta', 'f.md:7-13', true],
      ['gamma', 'f.md:15-17', false],
    ]);
  });

  it('does not take a prose paragraph or a code name for a field', () => {
    const md = 'alpha\n\nstring\n\nSee below.\n\n`beta`\n\nstring\n\nstill alpha.';
    expect(fields(md).fields.map((f) => f.name)).toEqual(['alpha']);
  });

  it('reports an unknown type word at the type line, and still returns the field', () => {
    const { fields: got, bag } = fields('colour\n\nstring or paintpot\n\nWhich paint.');
    expect(got[0]!.type).toEqual({ kind: 'union', variants: [{ kind: 'string' }, { kind: 'unknown' }] });
    expect(bag.items).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'unknown-type-word',
        file: 'f.md',
        line: 3,
        column: 1,
        message: expect.stringMatching(/^Unexpected type word `paintpot` for field `colour`, expected one of `string`/),
      }),
    ]);
    expect(bag.items[0]!.hint).toBeTruthy();
  });
});

describe('parseFields: odd runs', () => {
  it('keeps a name with prose but no type line as an unknown-typed field, with a warning', () => {
    const md = 'alpha\n\nstring\n\nFirst one.\n\nlabels\n\nFree-form tags you attach.\n\nomega\n\ninteger\n\nLast one.';
    const { fields: got, bag } = fields(md);
    expect(got.map((f) => [f.name, f.type.kind, f.typeText, f.anchors[0], f.description])).toEqual([
      ['alpha', 'string', 'string', 'f.md:1-5', 'First one.'],
      ['labels', 'unknown', undefined, 'f.md:7-9', 'Free-form tags you attach.'],
      ['omega', 'integer', 'integer', 'f.md:11-15', 'Last one.'],
    ]);
    expect(bag.items).toEqual([expect.objectContaining({ severity: 'warning', code: 'field-without-type', line: 7, column: 1 })]);
  });

  it('never reads a type word on its own as an untyped field', () => {
    expect(fields('alpha\n\nstring\n\nSee below.\n\nobject\n\nstill alpha.').fields.map((f) => f.name)).toEqual(['alpha']);
  });

  it('a name whose type line looks like another name does not start a second, empty field', () => {
    // `x` then `id` then `string`: `x` takes `id` as its (unknown) type; `id` is not a field of its own.
    const { fields: got, bag } = fields('x\n\nid\n\nstring\n\nWords.');
    expect(got.map((f) => f.name)).toEqual(['x']);
    expect(bag.items.map((d) => d.code)).toEqual(['unknown-type-word']);
  });
});

describe('startsField', () => {
  const cases: [string, string, boolean][] = [
    ['name then type', 'colour\n\nstring', true],
    ['name, Deprecated, type', 'colour\n\nDeprecated\n\nstring', true],
    ['name then prose', 'colour\n\nThe colour.', false],
    ['heading', '## colour\n\nstring', false],
    ['the word Deprecated', 'Deprecated\n\nstring', false],
    ['name in backticks', '`colour`\n\nstring', false],
    ['last block', 'colour', false],
  ];
  it.each(cases)('%s', (_name, md, want) => {
    expect(startsField(blocksOf(md), 0)).toBe(want);
  });
});
