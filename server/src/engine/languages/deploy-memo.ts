/**
 * A deployment tool's check is made for the whole deployment at once: every file of it asks for the
 * same result. This keeps the last few, each by the files it was made from (path and text) and the
 * settings, so a deployment of n files is checked once, not n times (cost linear in the workspace).
 */
export interface MemoFile {
  path: string;
  text: string;
}

export class DeploymentMemo<T> {
  /** source: the array the value was last asked with; the same array again is a hit without comparing its files. */
  private entries: { files: MemoFile[]; source: readonly MemoFile[]; config: string; value: T }[] = [];
  constructor(private readonly size = 16) {}

  /**
   * The value made from these files (in any order) and this config, made now if none is kept. The
   * config is compared by what it says, not by identity: a host may build an equal settings object
   * for every file (the editor does), and the deployment is still checked once.
   */
  get(files: readonly MemoFile[], config: unknown, make: (files: MemoFile[]) => T): T {
    const key = JSON.stringify(config) ?? '';
    const known = this.entries.find((e) => e.source === files && e.config === key);
    if (known) return known.value;
    const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const hit = this.entries.find((e) => e.config === key && same(e.files, sorted));
    if (hit) {
      // the files are the same, asked with a new array (the workspace shares a new one after a change)
      hit.source = files;
      return hit.value;
    }
    const value = make(sorted);
    this.entries.unshift({ files: sorted, source: files, config: key, value });
    if (this.entries.length > this.size) this.entries.pop();
    return value;
  }
}

function same(a: readonly MemoFile[], b: readonly MemoFile[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].path !== b[i].path || a[i].text !== b[i].text) return false;
  return true;
}

/** What a file holds, parsed once per text: the file's own check and its peers' facts share it. */
export class PartCache<T> {
  private readonly parts = new Map<string, { text: string; part: T }>();
  constructor(private readonly size = 4096) {}
  get(path: string, text: string, parse: () => T): T {
    const kept = this.parts.get(path);
    if (kept && kept.text === text) return kept.part;
    const part = parse();
    this.parts.delete(path);
    this.parts.set(path, { text, part });
    if (this.parts.size > this.size) this.parts.delete(this.parts.keys().next().value!);
    return part;
  }
}
