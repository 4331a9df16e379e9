/** Maps one corpus through the library (as `specmap map` does, nothing written) and scores it. */
import { dirname, resolve } from 'node:path';
import { buildMapping } from '../../tools/commands/map.js';
import type { Mapping } from '../../tools/mapping/schema.js';
import { scoreMapping, type Score } from './score.js';
import type { TruthCorpus } from './truth-types.js';

export interface Measured {
  corpus: TruthCorpus;
  mapping: Mapping;
  score: Score;
  /** The workspace folder, where truth entries are read. */
  root: string;
}

export async function measure(corpus: TruthCorpus): Promise<Measured> {
  const built = await buildMapping({ config: corpus.config, allowOutside: true, json: true });
  const workspace = built.config.workspace;
  // mapping.json spells files relative to the config folder: the workspace folder, then the path in it.
  const prefix = workspace
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/^\.$/, '')
    .replace(/\/+$/, '');
  return {
    corpus,
    mapping: built.mapping,
    score: scoreMapping(built.mapping, corpus.truth, prefix),
    root: resolve(dirname(corpus.config), workspace),
  };
}
