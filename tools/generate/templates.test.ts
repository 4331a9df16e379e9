import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { loadTemplates, TemplateRenderer } from './templates.js';

const withZod = (text: string) => ({ ...loadTemplates(), 'zod.ts.hbs': { text, origin: 'mine/zod.ts.hbs' } });

describe('TemplateRenderer', () => {
  it('renders in strict mode without escaping', () => {
    const bag = new DiagnosticBag();
    const out = new TemplateRenderer(withZod('{{#each names}}<{{this}}>&{{/each}}'), bag).render('zod.ts.hbs', { names: ['a', '"b"'] });
    expect(out).toBe('<a>&<"b">&');
    expect(bag.sorted()).toEqual([]);
  });

  it('reports a syntax error to every renderer of the same text, at the line where the parser stopped, before any render', () => {
    const text = '{{banner}}\n{{#each schemas}}\n{{constName}}\n';
    for (let i = 0; i < 2; i++) {
      const bag = new DiagnosticBag();
      expect(new TemplateRenderer(withZod(text), bag).render('zod.ts.hbs', { banner: 'x', schemas: [] })).toBe('');
      expect(bag.sorted()).toMatchObject([{ code: 'template-syntax', file: 'mine/zod.ts.hbs', line: 4 }]);
    }
  });

  it('an unknown variable fails the render, not the compile, and names the item', () => {
    const bag = new DiagnosticBag();
    const renderer = new TemplateRenderer(withZod('{{known}} {{unknown}}'), bag);
    expect(renderer.render('zod.ts.hbs', { known: 1, unknown: 2 })).toBe('1 2');
    expect(renderer.render('zod.ts.hbs', { known: 1 }, 'event:x')).toBe('');
    expect(bag.sorted()).toMatchObject([{ code: 'template-render-failed', message: /rendering event:x: "unknown" not defined/ }]);
  });
});
