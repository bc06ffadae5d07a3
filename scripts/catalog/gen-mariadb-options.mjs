// Writes the MariaDB server option catalogue from the `mariadbd --no-defaults --help --verbose` of
// Debian's mariadb-server (with galera-4, for the wsrep options). Facts only, no help text: each
// option's name, the kind of value it takes, its default, and the values of an enumeration or set.
// Run by hand after a MariaDB upgrade:  node scripts/catalog/gen-mariadb-options.mjs
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const help = execFileSync('mariadbd', ['--no-defaults', '--help', '--verbose'], { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'ignore'] });
const version = execFileSync('mariadbd', ['--version'], { encoding: 'utf8' }).replace(/^\S+\s+Ver\s+(\S+).*\n?$/s, '$1');
const [usage, table] = help.split(/\nVariables \(--variable-name=value\)\n/);

// the option blocks: a header `  --name[=value]` (or `  -X, --name`), then indented help lines
const options = {};
let cur;
for (const line of usage.split('\n')) {
  const h = /^\s{2}(?:-\S, )?--([a-z0-9_-]+)(\[?=(name|#)\]?)?/.exec(line);
  if (h) {
    const name = h[1].replace(/_/g, '-');
    cur = options[name] ??= { t: !h[2] ? 'bool' : h[3] === '#' ? 'num' : 'str', text: '' };
    cur.text += ` ${line.slice(h[0].length)}`;
    continue;
  }
  if (cur && /^\s{6,}\S/.test(line)) cur.text += ` ${line.trim()}`;
  else if (!/^\s/.test(line)) cur = undefined;
}
for (const o of Object.values(options)) {
  const list = (re) => re.exec(o.text.replace(/\s+/g, ' '))?.[1].split(',').map((v) => v.trim().replace(/\.$/, '')).filter((v) => /^[\w.-]+$/.test(v));
  const one = list(/One of: ([^.]*?)(?:\.(?:\s|$)|$)/), any = list(/Any combination of: ([^.]*?)(?:\.(?:\s|$)|Use 'ALL'|$)/);
  if (one?.length) { o.t = 'enum'; o.v = one; } else if (any?.length) { o.t = 'set'; o.v = any; }
  delete o.text;
}
// the defaults: `name   value` rows after the dashes
for (const line of table.split('\n').slice(3)) {
  const m = /^([a-z0-9_-]+)\s+(.*?)\s*$/.exec(line);
  if (m && options[m[1]] && m[2] && m[2] !== '(No default value)') options[m[1]].d = m[2];
}
const sorted = Object.fromEntries(Object.keys(options).sort().map((k) => [k, options[k]]));
writeFileSync('server/src/engine/knowledge/mariadb/options.json', JSON.stringify({ source: `mariadbd ${version} (Debian), --help --verbose`, options: sorted }, null, 0) + '\n');
console.log(`${Object.keys(sorted).length} options of mariadbd ${version}`);
