/** Finds and reads .openstack-ha.yaml by walking up from a file, for the CLI and the server alike. */
import * as fs from 'fs';
import * as path from 'path';
import { CONFIG_FILE_NAMES, LintConfig, parseConfig } from '../engine/config';

export function findConfigFile(fromFile: string): string | undefined {
  let dir = path.dirname(path.resolve(fromFile));
  for (;;) {
    for (const n of CONFIG_FILE_NAMES) {
      const p = path.join(dir, n);
      if (fs.existsSync(p)) return p;
    }
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** Reads and parses one config file; throws ConfigError (bad content) or the fs error. */
export function loadConfigFile(file: string): LintConfig {
  return parseConfig(fs.readFileSync(file, 'utf8'), file);
}

/** Config per directory, re-read when the file changes (by mtime), so editing it takes effect at once. */
export class ConfigCache {
  private byFile = new Map<string, { mtimeMs: number; config?: LintConfig; error?: Error }>();

  /** The config file that applies in each folder (undefined: none), found once per folder. */
  private byDir = new Map<string, string | undefined>();

  forDocument(docPath: string): { file?: string; config?: LintConfig; error?: Error } {
    const file = this.inDir(path.dirname(path.resolve(docPath)));
    if (!file) return {};
    let mtimeMs = 0;
    try {
      mtimeMs = fs.statSync(file).mtimeMs;
    } catch {
      return {};
    }
    const hit = this.byFile.get(file);
    if (hit && hit.mtimeMs === mtimeMs) return { file, ...hit };
    let entry: { mtimeMs: number; config?: LintConfig; error?: Error };
    try {
      entry = { mtimeMs, config: loadConfigFile(file) };
    } catch (e) {
      entry = { mtimeMs, error: e as Error };
    }
    this.byFile.set(file, entry);
    return { file, ...entry };
  }

  /** The config file of a folder or the nearest above it; each folder is looked at once. */
  private inDir(dir: string): string | undefined {
    if (this.byDir.has(dir)) return this.byDir.get(dir);
    let file: string | undefined;
    for (const n of CONFIG_FILE_NAMES) {
      const p = path.join(dir, n);
      if (fs.existsSync(p)) {
        file = p;
        break;
      }
    }
    const up = path.dirname(dir);
    if (!file && up !== dir) file = this.inDir(up);
    this.byDir.set(dir, file);
    return file;
  }

  clear(): void {
    this.byFile.clear();
    this.byDir.clear();
  }
}
