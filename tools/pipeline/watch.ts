/**
 * `sync --watch`: reruns on changes to sources, templates, config or mapped code. Changes are
 * debounced so an editor's save burst triggers one run; a run in progress finishes before the
 * next starts. Outputs that sync itself writes are not watched.
 */
import { dirname, resolve } from 'node:path';
import type { Config } from '../config/schema.js';
import { loadInputs } from './inputs.js';

export interface WatchOptions {
  config: Config;
  root: string;
  configPath: string;
  run: () => Promise<void>;
  onError: (error: unknown) => void;
  debounceMs?: number;
}

/** Watches until the returned `close` is called (or the process ends). */
export async function watchInputs(options: WatchOptions): Promise<{ close: () => Promise<void> }> {
  const { watch } = await import('chokidar');
  const inputs = await loadInputs(options.config, options.root);
  const workspace = resolve(options.root, options.config.workspace);
  const paths = [
    options.configPath,
    ...inputs.sourcePaths.map((p) => resolve(options.root, p)),
    ...(inputs.templatesDir ? [resolve(options.root, inputs.templatesDir)] : []),
    // Folders, not files: new code files appear too.
    ...new Set(inputs.codePaths.map((p) => dirname(resolve(options.root, p)))),
    workspace,
  ];
  const outputs = [
    resolve(options.root, options.config.generate.outDir),
    resolve(options.root, options.config.report.outDir),
    resolve(options.root, options.config.cacheDir),
  ];
  const watcher = watch(paths, {
    ignoreInitial: true,
    ignored: (p: string) => p.includes('node_modules') || outputs.some((o) => p === o || p.startsWith(o + '/')),
  });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const trigger = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(options.run).catch(options.onError);
    }, options.debounceMs ?? 150);
  };
  watcher.on('all', trigger);
  await new Promise<void>((ready) => watcher.once('ready', () => ready()));
  return {
    close: async () => {
      clearTimeout(timer);
      await running;
      await watcher.close();
    },
  };
}
