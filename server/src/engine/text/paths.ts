/**
 * Path arithmetic for the engine, on '/'-separated paths (hosts hand the engine absolute paths
 * with '/' on every platform). The engine imports no `path`: it runs in a browser too.
 */

/** The folder of a path: `/a/b/c.conf` -> `/a/b`; `/a` -> `/`. */
export function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i > 0 ? p.slice(0, i) : i === 0 ? '/' : '.';
}

export function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** `to` as written from folder `from` (both absolute): `/w/a`, `/w/b/c` -> `../b/c`. */
export function relative(from: string, to: string): string {
  const a = from.split('/').filter(Boolean);
  const b = to.split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...Array(a.length - i).fill('..'), ...b.slice(i)].join('/');
}

/** Is `p` the folder `dir` or inside it? */
export function isWithin(dir: string, p: string): boolean {
  return p === dir || p.startsWith(dir.endsWith('/') ? dir : dir + '/');
}

/** A host path as the engine writes it: backslashes become '/'. */
export function toEnginePath(p: string): string {
  return p.includes('\\') ? p.split('\\').join('/') : p;
}

/** The longest folder path every one of `paths` starts with, segment by segment: `/w/a/x`, `/w/a/y` -> `/w/a`. */
export function commonFolder(paths: string[]): string {
  if (!paths.length) return '';
  let common = paths[0].split('/');
  for (const p of paths) {
    const d = p.split('/');
    let i = 0;
    while (i < common.length && i < d.length && common[i] === d[i]) i++;
    common = common.slice(0, i);
  }
  return common.join('/');
}

/** The folder part of each path (its last segment dropped, '' for a bare name), for commonFolder. */
export const folderPart = (p: string): string => p.split('/').slice(0, -1).join('/');
