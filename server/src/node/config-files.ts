/** Finds and reads .openstack-ha.yaml by walking up from a file, for the CLI and the server alike. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkConfig, CONFIG_FILE_NAMES, ConfigCheck, LintConfig } from '../engine/config';
import { MAX_READ_BYTES, readForCheck } from './files';

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

/** Reads and parses one config file; throws ConfigError (bad content) or an Error saying why it was not read. */
export function loadConfigFile(file: string): LintConfig {
  return readConfigFile(file).config;
}

/** A config file read and checked: its settings, its findings (unknown rule ids) and the text they are in. */
export interface ConfigFile extends ConfigCheck {
  text: string;
}

/** As loadConfigFile, with the findings in the file for the caller to report. */
export function readConfigFile(file: string): ConfigFile {
  // `--config /dev/null`, the usual way to say "no configuration", is the one device read (as empty)
  if (path.resolve(file) === os.devNull) return { ...checkConfig('', file), text: '' };
  // the same checks as any file: a FIFO or /dev/zero named as the configuration must not hang the run
  const r = readForCheck(file);
  if (r.status === 'refused') throw new Error(r.reason);
  if (r.status === 'too-large') throw new Error(`it has ${r.size} bytes; more than ${MAX_READ_BYTES} are not read`);
  return { ...checkConfig(r.text, file), text: r.text };
}

interface Entry {
  mtimeMs: number;
  config?: LintConfig;
  /** The file as read, with its findings, when it could be used. */
  checked?: ConfigFile;
  error?: Error;
}

/** Config per directory, re-read when the file changes (by mtime), so editing it takes effect at once. */
export class ConfigCache {
  private byFile = new Map<string, Entry>();

  /** The config file that applies in each folder (undefined: none), found once per folder. */
  private byDir = new Map<string, string | undefined>();

  forDocument(docPath: string): { file?: string } & Partial<Entry> {
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
    let entry: Entry;
    try {
      const read = readConfigFile(file);
      entry = { mtimeMs, config: read.config, checked: read };
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
