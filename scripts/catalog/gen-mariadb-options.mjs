// Writes the MariaDB server option catalogue (facts only: the option names mariadbd accepts) from the
// `mariadbd --no-defaults --help --verbose` of Debian's mariadb-server (with galera-4, for the wsrep
// options). Run by hand after a MariaDB upgrade:  node scripts/catalog/gen-mariadb-options.mjs
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const help = execFileSync('mariadbd', ['--no-defaults', '--help', '--verbose'], { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'ignore'] });
const version = execFileSync('mariadbd', ['--version'], { encoding: 'utf8' }).replace(/^\S+\s+Ver\s+(\S+).*\n?$/s, '$1');
const options = [...new Set(help.split('\n').map((l) => /^\s+(?:-\S, )?--([a-z0-9_-]+)/.exec(l)?.[1]).filter(Boolean).map((o) => o.replace(/_/g, '-')))].sort();
writeFileSync('server/src/engine/knowledge/mariadb/options.json', JSON.stringify({ source: `mariadbd ${version} (Debian), --help --verbose`, options }, null, 0) + '\n');
console.log(`${options.length} options of mariadbd ${version}`);
