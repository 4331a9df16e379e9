/**
 * A dispatch by name (`getattr(self, "on_" + event.type.replace(".", "_"))`, an f-string, or the
 * type's name alone) calls the method named after the event's type: such a method
 * (`def on_response_created`) handles that type. It counts only where some module of the workspace
 * dispatches with its prefix, in the same file or another; a name alone, a name with another
 * prefix, or an undotted type's (`on_error`, every library's word) handles nothing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeFiles, removeAnalyzedFiles } from './analyze-files.js';

afterAll(removeAnalyzedFiles);

async function handlers(files: Record<string, string>): Promise<string[]> {
  const { facts } = await analyzeFiles(files);
  return facts
    .filter((f) => f.namedBy !== undefined)
    .map((f) => `${f.file}:${f.line} ${f.kind} ${f.symbol} ${f.literal}`)
    .sort();
}

const METHODS = [
  '    def on_response_created(self, event):',
  '        pass',
  '    def handle_response_output_text_delta(self, event):',
  '        pass',
  '    def response_completed(self, event):',
  '        pass',
  '    def on_error(self, event):',
  '        pass',
];

describe('Python dispatch by name', () => {
  it('ties the methods named with a prefix some getattr dispatches with, in this module or another', async () => {
    const found = await handlers({
      'server/hooks.py': ['class Hooks:', ...METHODS, ''].join('\n'),
      'server/dispatch.py': [
        'class Dispatcher:',
        '    def __call__(self, event):',
        '        getattr(self.hooks, "on_" + event.type.replace(".", "_"))(event)',
        '    def other(self, etype):',
        "        method = getattr(self.hooks, f\"handle_{etype.replace('.', '_')}\", None)",
        '        return method',
        '',
      ].join('\n'),
    });
    expect(found).toEqual([
      'server/hooks.py:2 handler on_response_created response.created',
      'server/hooks.py:4 handler handle_response_output_text_delta response.output_text.delta',
    ]);
  });

  it('takes the type’s name alone as a prefix of its own (none)', async () => {
    const found = await handlers({
      'server/hooks.py': [
        'class Hooks:',
        '    def __call__(self, event):',
        '        method = getattr(self, event.type.replace(".", "_"), None)',
        '        if callable(method):',
        '            method(event)',
        ...METHODS,
        '',
      ].join('\n'),
    });
    expect(found).toEqual(['server/hooks.py:10 handler response_completed response.completed']);
  });

  it('ties nothing without a dispatch by name, or with one that is not of a type', async () => {
    const found = await handlers({
      'server/hooks.py': [
        'class Hooks:',
        ...METHODS,
        '    def route(self, path):',
        '        return getattr(self, "on_" + path.replace(".", "_"))',
        '    def other(self, event):',
        '        return getattr(self, "on_" + event.type.replace("-", "_"))',
        '',
      ].join('\n'),
    });
    expect(found).toEqual([]);
  });

  it('finds a dispatch and its methods in a file that writes no type as a string', async () => {
    const { facts, stats } = await analyzeFiles({
      'server/consumer.py': [
        'class Consumer:',
        '    def feed(self, event):',
        '        getattr(self, "on_" + event.type.replace(".", "_"))(event)',
        '    def on_response_failed(self, event):',
        '        pass',
        '',
      ].join('\n'),
    });
    expect(stats.parsed).toBe(1);
    expect(facts.filter((f) => f.namedBy !== undefined).map((f) => `${f.line} ${f.literal}`)).toEqual(['4 response.failed']);
  });
});
