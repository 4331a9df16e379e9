/** Bad input: diagnostics naming the template or item, nothing generated (the CLI then exits 2, see cli.test.ts). */
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../tools/config/schema.js';
import { GeneratorError } from '../../tools/diagnostics/errors.js';
import { generate, generateWithDiagnostics } from '../../tools/generate/generate.js';
import { loadTemplates, type TemplateSet } from '../../tools/generate/templates.js';
import type { Model } from '../../tools/model/schema.js';
import { fixtureModel } from './fixture-model.js';

const config = ConfigSchema.parse({ sources: [{ path: 'demo.md' }] });
const withTemplate = (name: keyof TemplateSet, text: string): TemplateSet => ({
  ...loadTemplates(),
  [name]: { text, origin: `my-templates/${name}` },
});

describe('generate refuses bad input', () => {
  const cases: [
    string,
    { model?: () => unknown; outDir?: string; templates?: TemplateSet; want: { code: string; file: string; message: RegExp }[] },
  ][] = [
    [
      'a model failing its own schema',
      {
        model: () => {
          const m = fixtureModel() as unknown as { events: { fields: { required: unknown }[] }[] };
          m.events[1]!.fields[1]!.required = 'yes';
          return m;
        },
        want: [
          {
            code: 'model-invalid',
            file: 'spec/model.json',
            message: /event:response\.output_text\.delta at `events\.1\.fields\.1\.required`/,
          },
        ],
      },
    ],
    [
      'a template with a syntax error',
      {
        templates: withTemplate('zod.ts.hbs', '{{banner}}\n{{#each schemas}}\n{{constName}}\n'),
        want: [{ code: 'template-syntax', file: 'my-templates/zod.ts.hbs', message: /expected valid Handlebars/ }],
      },
    ],
    [
      'a template with an unknown variable',
      {
        templates: withTemplate('stub.ts.hbs', 'export function {{handler}}() { {{nope}} }\n'),
        want: [
          {
            code: 'template-render-failed',
            file: 'my-templates/stub.ts.hbs',
            message: /rendering stub for response\.created: "nope" not defined/,
          },
        ],
      },
    ],
    [
      'an output folder outside the workspace',
      { outDir: '../elsewhere', want: [{ code: 'output-outside-workspace', file: 'specmap.config.json', message: /`\.\.\/elsewhere`/ }] },
    ],
    [
      'an absolute output folder',
      { outDir: '/tmp/out', want: [{ code: 'output-outside-workspace', file: 'specmap.config.json', message: /`\/tmp\/out`/ }] },
    ],
  ];
  it.each(cases)('%s', (_n, { model, outDir, templates, want }) => {
    const cfg = outDir ? { ...config, generate: { ...config.generate, outDir } } : config;
    const m = (model?.() ?? fixtureModel()) as Model;
    const { files, diagnostics } = generateWithDiagnostics(m, cfg, { templates });
    expect(files).toEqual([]);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', code: want[0]!.code, file: want[0]!.file });
    expect(diagnostics[0]!.message).toMatch(want[0]!.message);
    expect(() => generate(m, cfg, { templates })).toThrow(GeneratorError);
  });
  it("checks the model's schema unless the tool's reader built it in the same process", () => {
    const m = fixtureModel();
    (m.events[1]!.fields[1] as { required: unknown }).required = 'yes';
    expect(generateWithDiagnostics(m, config).diagnostics.map((d) => d.code)).toContain('model-invalid');
    // Built from the sources just now (sync, check): of the model's shape by construction, so the
    // ~40-80 ms schema check of a large model is not paid again (here: the same model goes unchecked).
    expect(generateWithDiagnostics(m, config, { modelBuilt: true }).diagnostics.map((d) => d.code)).not.toContain('model-invalid');
    const built = generateWithDiagnostics(fixtureModel(), config, { modelBuilt: true });
    expect(built.files).toEqual(generateWithDiagnostics(fixtureModel(), config).files);
  });

  it('reports a syntax error with its line', () => {
    const { diagnostics } = generateWithDiagnostics(fixtureModel(), config, {
      templates: withTemplate('tracker.md.hbs', 'ok\nok\n{{ oops }\n'),
    });
    expect(diagnostics.map((d) => [d.file, d.line])).toEqual([['my-templates/tracker.md.hbs', 3]]);
  });
});
