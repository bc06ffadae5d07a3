/**
 * The browser build's stand-in for node/config-files.ts (scripts/build.mjs swaps it in): the
 * .openstack-ha.yaml files are those the client handed over (browser/workspace.ts records them),
 * found by walking up from a document as on disk.
 */
import { checkConfig, CONFIG_FILE_NAMES, ConfigCheck, LintConfig } from '../../engine/config';
import { dirname } from '../../engine/text/paths';

/** Config files' texts by path, as the client last read them. */
const texts = new Map<string, string>();

export function setConfigText(file: string, text: string | undefined): void {
  if (text === undefined) texts.delete(file);
  else texts.set(file, text);
}

/** A folder deleted: the config files under it go. */
export function forgetConfigsUnder(dir: string): void {
  for (const f of texts.keys()) if (f.startsWith(dir + '/')) texts.delete(f);
}

export function isConfigFile(file: string): boolean {
  return CONFIG_FILE_NAMES.some((n) => file.endsWith('/' + n));
}

/** A config file checked: its settings, its findings (unknown rule ids) and their text (as node/config-files.ts). */
export interface ConfigFile extends ConfigCheck {
  text: string;
}

export class ConfigCache {
  private parsed = new Map<string, { text: string; config?: LintConfig; checked?: ConfigFile; error?: Error }>();

  forDocument(docPath: string): { file?: string; config?: LintConfig; checked?: ConfigFile; error?: Error } {
    const file = this.nearest(dirname(docPath));
    if (!file) return {};
    const text = texts.get(file)!;
    let hit = this.parsed.get(file);
    if (!hit || hit.text !== text) {
      try {
        const checked = { ...checkConfig(text, file), text };
        hit = { text, config: checked.config, checked };
      } catch (e) {
        hit = { text, error: e as Error };
      }
      this.parsed.set(file, hit);
    }
    return { file, config: hit.config, checked: hit.checked, error: hit.error };
  }

  private nearest(dir: string): string | undefined {
    for (;;) {
      for (const n of CONFIG_FILE_NAMES) {
        const p = dir === '/' ? '/' + n : `${dir}/${n}`;
        if (texts.has(p)) return p;
      }
      const up = dirname(dir);
      if (up === dir || up === '.') return undefined;
      dir = up;
    }
  }

  clear(): void {
    this.parsed.clear();
  }
}
