/**
 * The browser build's stand-in for node's `url` (scripts/build.mjs swaps it in): file URLs of the
 * posix paths the client's URIs carry. A web worker has no disk; these paths only name files.
 */
export function fileURLToPath(url: string | URL): string {
  const u = new URL(String(url));
  if (u.protocol !== 'file:') throw new TypeError(`not a file URL: ${u.protocol}`);
  return decodeURIComponent(u.pathname);
}

export function pathToFileURL(path: string): URL {
  return new URL('file://' + path.split('/').map(encodeURIComponent).join('/'));
}
