/**
 * kolla-ansible's files in VS Code, from package.json and the client's selector (issue 12): opening
 * globals.yml, a globals.d file or an inventory named multinode or all-in-one activates the
 * extension through a language it already activates on (yaml, ini), and the client's document
 * selector (client/src/extension.ts: the KIND_GLOBS patterns) hands them to the server; no activation
 * event is added for them, so an unrelated workspace does not activate the extension (issue 14).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { ROOT } from '../support/paths';
import { KIND_GLOBS } from '../../server/src/engine/kinds';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const events: string[] = pkg.activationEvents;
const languages: { id: string; filenames?: string[]; filenamePatterns?: string[]; extensions?: string[] }[] = pkg.contributes.languages;

/** The language VS Code gives a file by its name: ours, the built-in yaml by extension, else plaintext. */
function languageOf(file: string): string {
  const name = path.posix.basename(file);
  for (const l of languages) {
    if (l.filenames?.includes(name)) return l.id;
    if (l.filenamePatterns?.some((p) => picomatch(p.includes('/') ? p : `**/${p}`, { dot: true })(file))) return l.id;
    if (l.extensions?.some((e) => name.endsWith(e))) return l.id;
  }
  return /\.ya?ml$/.test(name) ? 'yaml' : 'plaintext';
}

/** The client's pattern selectors (documentSelector() in client/src/extension.ts: every KIND_GLOBS pattern). */
const selected = (file: string) => picomatch([...new Set(Object.values(KIND_GLOBS).flat())], { dot: true })(file);

test("kolla's files activate the extension through a language it already activates on, and the client hands them to the server", () => {
  for (const [file, language] of [
    ['/cloud/etc/kolla/globals.yml', 'yaml'],
    ['/cloud/etc/kolla/globals.d/ha.yml', 'yaml'],
    ['/cloud/multinode', 'ini'],
    ['/cloud/inventory/all-in-one', 'ini'],
  ]) {
    assert.equal(languageOf(file), language, file);
    assert.ok(events.includes(`onLanguage:${language}`), `${file}: onLanguage:${language}`);
    assert.ok(selected(file), `${file}: in the document selector`);
  }
});

test('no activation event for kolla: no start-up activation, no workspaceContains of a plain YAML or an inventory name', () => {
  assert.ok(!events.includes('*') && !events.includes('onStartupFinished'), events.join(', '));
  for (const e of events.filter((x) => x.startsWith('workspaceContains:'))) {
    const glob = e.slice('workspaceContains:'.length);
    for (const f of ['a/globals.yml', 'a/notes.yml', 'a/multinode', 'a/all-in-one', 'a/inventory/hosts'])
      assert.ok(!picomatch(glob, { dot: true })(f), `${e} matches ${f}`);
  }
});
