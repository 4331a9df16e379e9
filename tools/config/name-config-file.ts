/**
 * Deep code names the config by its default name; when `--config` chose another file, the user
 * must read that file's name, or they edit the wrong one.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { DEFAULT_CONFIG_FILE } from './load.js';

export function nameConfigFile(d: Diagnostic, configFile: string | undefined): Diagnostic {
  if (!configFile || configFile === DEFAULT_CONFIG_FILE) return d;
  const swap = (text: string) => text.split(DEFAULT_CONFIG_FILE).join(configFile);
  return {
    ...d,
    file: d.file === DEFAULT_CONFIG_FILE ? configFile : d.file,
    message: swap(d.message),
    ...(d.hint ? { hint: swap(d.hint) } : {}),
  };
}
