// Writes the key names of corosync.conf from the corosync.conf(5) and votequorum(5) manual pages of
// Debian's corosync: the `.TP` item names of the first, the `.B key:` examples of the second. Names
// only, to tell a misspelt key from a real one. Run by hand after a corosync upgrade:
//   node scripts/catalog/gen-corosync-keys.mjs
import { execFileSync, execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const man = (page) => execSync(`zcat /usr/share/man/man5/${page}.5.gz`, { encoding: 'utf8' }).replace(/\\f[BIRP]/g, '');
const keys = new Set();
const conf = man('corosync.conf').split('\n');
conf.forEach((l, i) => {
  if (l.startsWith('.TP')) {
    const m = /^([a-z][a-z0-9_]*)(?: \{ \})?(?:\s|$)/.exec(conf[i + 1] ?? '');
    if (m) keys.add(m[1]);
  }
});
for (const m of man('votequorum').matchAll(/^\.B ([a-z][a-z0-9_]*):/gm)) keys.add(m[1]);
const version = execFileSync('dpkg-query', ['-W', '-f', '${Version}', 'corosync'], { encoding: 'utf8' }).trim().replace(/^\d+:/, '');
writeFileSync(
  'server/src/engine/knowledge/corosync/keys.json',
  JSON.stringify({ source: `corosync ${version} (Debian), corosync.conf(5) and votequorum(5)`, keys: [...keys].sort() }, null, 0) + '\n',
);
console.log(`${keys.size} keys of corosync ${version}`);
