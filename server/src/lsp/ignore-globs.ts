/** The workspace's files left out (openstackHa.workspace.ignore and files.exclude), as globs relative to each folder. */
import picomatch from 'picomatch';
import { isWithin } from '../engine/text/paths';

export class IgnoreGlobs {
  private key = '';
  private match: ((relative: string) => boolean) | undefined;

  /** Sets the globs; true when they changed (the folders are then read again). */
  set(globs: string[], exclude: string[]): boolean {
    const all = [...globs, ...exclude];
    const key = JSON.stringify(all);
    if (key === this.key) return false;
    this.key = key;
    this.match = all.length ? picomatch(all, { dot: true }) : undefined;
    return true;
  }

  /** Whether a file (an engine path) is left out: a glob matches its path within one of the folders (engine paths). */
  ignores(file: string, roots: readonly string[]): boolean {
    const match = this.match;
    return !!match && roots.some((r) => isWithin(r, file) && file !== r && match(file.slice(r.length + 1)));
  }
}
