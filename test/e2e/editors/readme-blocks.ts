/**
 * The editor set-ups as the README gives them: the fenced block after each
 * `<!-- editor-config: NAME -->` marker, so the tests run and check what users copy.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../../support/paths';

export type EditorConfig = 'neovim-0.7' | 'neovim-0.10' | 'emacs-eglot' | 'helix';

export function readmeBlock(name: EditorConfig, readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')): string {
  const marker = `<!-- editor-config: ${name} -->`;
  const at = readme.indexOf(marker);
  if (at < 0) throw new Error(`README.md has no ${marker}`);
  const m = /^\s*```[a-z]*\n([\s\S]*?)\n```/.exec(readme.slice(at + marker.length));
  if (!m) throw new Error(`README.md: no fenced block right after ${marker}`);
  return m[1] + '\n';
}

/** The strings of the Lua table `local patterns = { ... }` of a Neovim block. */
export function luaPatterns(block: string): string[] {
  const m = /local patterns = \{([\s\S]*?)\n\}/.exec(block);
  if (!m) throw new Error('no `local patterns = { ... }` in the block');
  const body = m[1].replace(/--[^\n]*/g, '');
  return [...body.matchAll(/'([^']*)'/g)].map((x) => x[1]);
}
