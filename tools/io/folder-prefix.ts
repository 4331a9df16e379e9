/**
 * A configured folder as a prefix of the paths written under it: `/` separators, no leading `./`
 * nor trailing `/` (`./src/` → `src`, `.` → ``); `../server` and absolute paths as given.
 */
export function folderPrefix(folder: string): string {
  return folder
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/^\.$/, '')
    .replace(/\/+$/, '');
}
