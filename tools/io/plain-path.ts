/**
 * A relative path with `/` between its segments, none of them empty, `.` or `..`, and no
 * backslash: joined to a folder as text it is already what `join` or `resolve` would make of it,
 * which on thousands of paths is the cost worth skipping.
 */
const PLAIN_PATH = /^(?!\.\.?(?:\/|$))(?:[^/\\]+\/(?!\.\.?(?:\/|$)))*[^/\\]+$/;

export const isPlainPath = (path: string): boolean => PLAIN_PATH.test(path);
