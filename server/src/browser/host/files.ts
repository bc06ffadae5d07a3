/**
 * The browser build's stand-in for node/files.ts (scripts/build.mjs swaps it in): the paths of the
 * client's URIs are already '/'-separated and absolute, so host and engine paths are the same.
 */
import { toEnginePath } from '../../engine/text/paths';

export function enginePath(file: string): string {
  return toEnginePath(file);
}
export function hostPath(p: string): string {
  return p;
}
