/**
 * The build products `sync` writes (the model, generated files, reports, caches) carry the docs'
 * prose or are machine state: `init` lists them in .gitignore. mapping.json is not among them; it
 * holds the human words and is committed.
 */
export function buildProducts(config: { model: string; outDir: string; reportDir: string; cacheDir: string }): string[] {
  const folder = (p: string) => `${p.replace(/\/+$/, '')}/`;
  const cacheTop = config.cacheDir.replace(/^\.\//, '').split('/')[0] ?? config.cacheDir;
  return [
    ...new Set([
      config.model.replace(/^\.\//, ''),
      folder(config.outDir.replace(/^\.\//, '')),
      folder(config.reportDir.replace(/^\.\//, '')),
      folder(cacheTop),
    ]),
  ];
}

/** The lines of `wanted` that .gitignore does not have yet (an entry with or without its leading `/` counts). */
export function missingEntries(existing: string, wanted: readonly string[]): string[] {
  const have = new Set(
    existing
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.replace(/^\//, '')),
  );
  return wanted.filter((w) => !have.has(w) && !have.has(w.replace(/\/$/, '')));
}

export function withEntries(existing: string, added: readonly string[]): string {
  if (!added.length) return existing;
  const head = existing === '' || existing.endsWith('\n') ? existing : `${existing}\n`;
  return `${head}${head ? '\n' : ''}# specmap build products (\`specmap sync\` writes them; mapping.json is committed)\n${added.join('\n')}\n`;
}
