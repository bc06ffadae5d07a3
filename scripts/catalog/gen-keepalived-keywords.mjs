// Writes the keyword list of keepalived.conf (names only) from the keepalived.conf(5) manual page of
// Debian's keepalived, rendered by groff: every word that starts a line of its configuration
// examples. It is a list to tell a misspelt keyword from a real one, not documentation.
// Run by hand after a keepalived upgrade:  node scripts/catalog/gen-keepalived-keywords.mjs
import { execFileSync, execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const man = execSync('zcat /usr/share/man/man5/keepalived.conf.5.gz | groff -t -e -mandoc -Tascii 2>/dev/null | col -bx', {
  encoding: 'utf8',
  maxBuffer: 1 << 24,
});
const words = new Set();
for (const line of man.split('\n')) {
  // configuration lines are indented at least 7 columns, as are prose lines: a keyword has an underscore,
  // stands alone, or is followed by a block, a placeholder (<STRING>, MASTER|BACKUP), a number or a path
  const m = /^ {7,}([a-z][a-z0-9_]{2,})(?:\s+(.*))?$/.exec(line);
  if (!m || /^\s+#/.test(line)) continue;
  const rest = (m[2] ?? '').trim();
  if (m[1].includes('_') || rest === '' || /^[{<[A-Z0-9"'/|-]/.test(rest)) words.add(m[1]);
}
// the keywords of the global_defs block: the lines of its example, from `global_defs {` to the } at its indentation
const lines = man.split('\n');
const g0 = lines.findIndex((l) => /^\s+global_defs \{\s*$/.test(l));
const indent = /^\s*/.exec(lines[g0])[0];
const g1 = lines.findIndex((l, i) => i > g0 && l === `${indent}}`);
const global = new Set(
  lines
    .slice(g0 + 1, g1)
    .map((l) => /^\s+([a-z][a-z0-9_]{2,})\b/.exec(l)?.[1])
    .filter((w) => w && words.has(w)),
);
const version = execFileSync('dpkg-query', ['-W', '-f', '${Version}', 'keepalived'], { encoding: 'utf8' }).trim().replace(/^\d+:/, '');
writeFileSync(
  'server/src/engine/knowledge/keepalived/keywords.json',
  JSON.stringify(
    { source: `keepalived ${version} (Debian), keepalived.conf(5)`, keywords: [...words].sort(), global_defs: [...global].sort() },
    null,
    0,
  ) + '\n',
);
console.log(`${words.size} keywords of keepalived ${version}, ${global.size} of them in global_defs`);
