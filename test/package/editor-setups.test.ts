/**
 * The README's set-ups for other editors attach the server to every kind of file the engine checks
 * (issue 14). The samples (test/e2e/editors/samples.ts) hold one file of each kind, recognised by the
 * engine and named as kinds.ts's globs say; each editor's matching is applied to them as that editor
 * does it: Neovim's autocommand patterns (`:h file-pattern`) and Helix's languages.toml (globs first,
 * the longest winning, then extensions). Emacs picks a major mode through its own table, which only a
 * running Emacs knows: the end-to-end test (other-editors.e2e.ts) opens every sample in it.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import picomatch from 'picomatch';
import { detectKind } from '../../server/src/engine/languages';
import { KIND_GLOBS, type DocumentKind } from '../../server/src/engine/kinds';
import { SAMPLES } from '../e2e/editors/samples';
import { luaPatterns, readmeBlock } from '../e2e/editors/readme-blocks';

const PROJECT = '/home/ops/cloud';
const abs = (p: string) => path.posix.join(PROJECT, p);

test('every sample is a file the engine checks, named as kinds.ts says, and every kind has one', () => {
  const kinds = new Set<DocumentKind>();
  for (const s of SAMPLES) {
    const kind = detectKind(abs(s.path), s.text);
    assert.ok(kind, `${s.path}: not recognised`);
    kinds.add(kind);
    assert.ok(picomatch([...KIND_GLOBS[kind]], { dot: true })(abs(s.path)), `${s.path}: outside the globs of ${kind}`);
  }
  assert.deepEqual([...kinds].sort(), Object.keys(KIND_GLOBS).sort());
  assert.equal(SAMPLES.length, 44);
});

/** Vim's autocommand file pattern as a regular expression: `*` crosses `/`, `{a,b}` is a choice, and a pattern without `/` is matched against the tail only. */
function vimPattern(p: string): (file: string) => boolean {
  let re = '';
  for (const ch of p) {
    if (ch === '*') re += '.*';
    else if (ch === '?') re += '.';
    else if (ch === '{') re += '(?:';
    else if (ch === ',') re += '|';
    else if (ch === '}') re += ')';
    else re += ch.replace(/[.+^$()|[\]\\/]/g, '\\$&');
  }
  const rx = new RegExp(`^${re}$`);
  return p.includes('/') ? (file) => rx.test(file) : (file) => rx.test(path.posix.basename(file));
}

test('vimPattern follows file-pattern: the tail without a slash, crossing slashes with *', () => {
  assert.equal(vimPattern('*.conf')('/a/b/nova.conf'), true);
  assert.equal(vimPattern('multinode')('/a/multinode'), true);
  assert.equal(vimPattern('multinode')('/a/multinode.bak'), false);
  assert.equal(vimPattern('*/inventories/*')('/a/inventories/prod/hosts'), true);
  assert.equal(vimPattern('*/inventory/*')('/a/inventory'), false);
  assert.equal(vimPattern('*.{yml,yaml}')('/a/x.yaml'), true);
});

for (const name of ['neovim-0.7', 'neovim-0.10'] as const) {
  test(`README ${name}: its autocommand patterns attach every sample`, () => {
    const patterns = luaPatterns(readmeBlock(name)).map(vimPattern);
    assert.equal(patterns.length, 27);
    const missed = SAMPLES.filter((s) => !patterns.some((m) => m(abs(s.path)))).map((s) => s.path);
    assert.deepEqual(missed, []);
  });
}

test('README: the two Neovim blocks attach the same file names', () => {
  assert.deepEqual(luaPatterns(readmeBlock('neovim-0.10')), luaPatterns(readmeBlock('neovim-0.7')));
});

type FileType = string | { glob: string };
interface HelixLanguage {
  name: string;
  'file-types'?: FileType[];
  'language-servers'?: string[];
}

/** The README's languages.toml, read by a TOML parser (Python's tomllib: python3 is among the tools the tests use). */
function helixConfig(): { 'language-server': Record<string, { command: string; args: string[] }>; language: HelixLanguage[] } {
  const json = execFileSync('python3', ['-c', 'import json, sys, tomllib; print(json.dumps(tomllib.loads(sys.stdin.read())))'], {
    input: readmeBlock('helix'),
    encoding: 'utf8',
  });
  return JSON.parse(json);
}

/** Extensions of Helix's own languages the README adds the server to (from Helix's languages.toml, July 2026). */
const HELIX_EXTENSIONS: Record<string, string[]> = {
  yaml: ['yml', 'yaml', 'sublime-syntax', 'bu'],
  ini: ['ini', 'desktop', 'properties', 'cfg', 'directory'],
  bash: ['sh', 'bash', 'ash', 'dash', 'ksh', 'mksh', 'zsh'],
  xml: ['xml', 'xsd', 'xsl', 'svg'],
};

/** A file-types glob as Helix compiles it (globset, `*` crossing `/`), with `*​/` put in front of a relative one. */
function helixGlob(glob: string): RegExp {
  const g = glob.startsWith('/') || glob.startsWith('*/') ? glob : `*/${glob}`;
  let re = '';
  for (let i = 0; i < g.length; i++) {
    if (g.startsWith('/**/', i)) {
      re += '/(?:.*/)?';
      i += 3;
    } else if (g[i] === '*') re += '.*';
    else if (g[i] === '?') re += '.';
    else re += g[i].replace(/[.+^$()|[\]{}\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** The language Helix gives a file: the longest matching glob, else the extension (a later language wins an extension). */
function helixLanguage(languages: HelixLanguage[], file: string): HelixLanguage | undefined {
  let best: { lang: HelixLanguage; len: number } | undefined;
  for (const lang of languages)
    for (const ft of lang['file-types'] ?? [])
      if (typeof ft !== 'string' && helixGlob(ft.glob).test(file) && (!best || ft.glob.length > best.len))
        best = { lang, len: ft.glob.length };
  if (best) return best.lang;
  const ext = /\.([^./]+)$/.exec(path.posix.basename(file))?.[1];
  let byExt: HelixLanguage | undefined;
  for (const lang of languages) {
    const exts = [...(HELIX_EXTENSIONS[lang.name] ?? []), ...(lang['file-types'] ?? []).filter((f) => typeof f === 'string')];
    if (ext && exts.includes(ext)) byExt = lang;
  }
  return byExt;
}

/** Python 3.11's tomllib (scripts/e2e/setup.sh installs python3; a quick run without it skips this one). */
const TOML = spawnSync('python3', ['-c', 'import tomllib'], { stdio: 'ignore' }).status === 0;

test('README helix: one shared server, attached to every sample', { skip: !TOML && 'python3 with tomllib is not installed' }, () => {
  const cfg = helixConfig();
  assert.deepEqual(cfg['language-server']['openstack-ha'], { command: 'openstack-ha-language-server', args: ['--stdio'] });
  assert.deepEqual(
    cfg.language.map((l) => l.name),
    ['yaml', 'ini', 'bash', 'xml', 'openstack-ha'],
  );
  const missed: string[] = [];
  for (const s of SAMPLES) {
    const lang = helixLanguage(cfg.language, abs(s.path));
    if (!lang?.['language-servers']?.includes('openstack-ha')) missed.push(`${s.path} (${lang?.name ?? 'no language'})`);
  }
  assert.deepEqual(missed, []);
  // what the emulation decides, on a few: the globs win over extensions, a .cfg stays INI
  assert.equal(helixLanguage(cfg.language, abs('kolla/group_vars/all.yml'))?.name, 'openstack-ha');
  assert.equal(helixLanguage(cfg.language, abs('etc/haproxy/haproxy.cfg'))?.name, 'ini');
  assert.equal(helixLanguage(cfg.language, abs('etc/nova/nova.conf'))?.name, 'openstack-ha');
  assert.equal(helixLanguage(cfg.language, abs('README.md')), undefined);
});
