// Writes the MariaDB server option catalogue from Debian's mariadb-server (with galera-4, for the
// wsrep options). Facts only, no help text:
// - every option of `mariadbd --no-defaults --help --verbose`: its name as mariadbd spells it (mixed
//   case kept: wsrep_certify_nonPK), the kind of value it takes, its default, the values of an
//   enumeration or set, and whether a negative number is refused (unsigned: mariadbd exits 13);
// - the options mariadbd still accepts but ignores with a warning (removed ones, MySQL 5.6/5.7 ones):
//   every option-like word of the binary that --help does not list, tried one by one.
// Run by hand after a MariaDB upgrade (a few minutes):  node scripts/catalog/gen-mariadb-options.mjs
import { execFile, execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

const BIN = execFileSync('sh', ['-c', 'command -v mariadbd'], { encoding: 'utf8' }).trim();
const help = execFileSync(BIN, ['--no-defaults', '--help', '--verbose'], {
  encoding: 'utf8',
  maxBuffer: 1 << 24,
  stdio: ['ignore', 'pipe', 'ignore'],
});
const version = execFileSync(BIN, ['--version'], { encoding: 'utf8' }).replace(/^\S+\s+Ver\s+(\S+).*\n?$/s, '$1');
const [usage, table] = help.split(/\nVariables \(--variable-name=value\)\n/);

// the option blocks: a header `  --name[=value]` (or `  -X, --name`), then indented help lines
const options = {};
let cur;
for (const line of usage.split('\n')) {
  const h = /^\s{2}(?:-\S, )?--([A-Za-z0-9_-]+)(\[?=(name|#)\]?)?/.exec(line);
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
  // `One of: ON, OFF, FORCE (don't start if the plugin fails to load), ...`: the values without their explanations
  const list = (re) =>
    re
      .exec(o.text.replace(/\s+/g, ' ').replace(/ \([^)]*\)/g, ''))?.[1]
      .split(',')
      .map((v) => v.trim().replace(/\.$/, ''))
      .filter((v) => /^[\w.-]+$/.test(v));
  const one = list(/One of: ([^.]*?)(?:\.(?:\s|$)|$)/),
    any = list(/Any combination of: ([^.]*?)(?:\.(?:\s|$)|Use 'ALL'|$)/);
  if (one?.length) {
    o.t = 'enum';
    o.v = one;
  } else if (any?.length) {
    o.t = 'set';
    o.v = any;
  }
  delete o.text;
}
// the defaults: `name   value` rows after the dashes (the table keeps the help's spelling)
for (const line of table.split('\n').slice(3)) {
  const m = /^([A-Za-z0-9_-]+)\s+(.*?)\s*$/.exec(line);
  if (m && options[m[1]] && m[2] && m[2] !== '(No default value)') options[m[1]].d = m[2];
}

/** mariadbd's verdict on one command-line option: its exit status and first message. */
const probe = (arg) =>
  new Promise((resolve) => {
    execFile(BIN, ['--no-defaults', arg, '--help', '--verbose'], { maxBuffer: 1 << 24 }, (err, _out, stderr) => {
      const message = stderr.split('\n').find((l) => /\[(ERROR|Warning)\]/.test(l) && !/max_open_files/.test(l)) ?? '';
      resolve({ code: err ? err.code : 0, message: message.replace(/^.*?\[(ERROR|Warning)\]\s*/, '') });
    });
  });
async function pool(items, work) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: availableParallelism() * 2 }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i]);
      }
    }),
  );
  return out;
}

// unsigned numbers: mariadbd exits 13 on -1 ("Incorrect unsigned value"); signed ones clamp or take it
const nums = Object.keys(options).filter((k) => options[k].t === 'num');
(await pool(nums, (k) => probe(`--${k}=-1`))).forEach((r, i) => {
  if (r.code === 13) options[nums[i]].u = 1;
});

// accepted but ignored: option-like words of the binary that --help does not list
const known = new Set(Object.keys(options).map((k) => k.toLowerCase()));
const words = [
  ...new Set(
    execFileSync('strings', ['-n', '6', BIN], { encoding: 'utf8', maxBuffer: 1 << 28 })
      .split('\n')
      .filter((w) => /^[a-z][a-z0-9]*([-_][a-z0-9A-Z]+)+$/.test(w))
      .map((w) => w.replace(/_/g, '-')),
  ),
].filter((w) => !known.has(w.toLowerCase()));
const ignored = {};
(await pool(words, (w) => probe(`--${w}=0`))).forEach((r, i) => {
  // exit 0 with "was removed" or "MySQL 5.6 / 5.7 compatible option": read, warned about, ignored
  if (r.code === 0 && /was removed|compatible option/.test(r.message))
    ignored[words[i]] = /was removed/.test(r.message) ? 'removed' : 'mysql';
});

const sorted = (o) =>
  Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, o[k]]),
  );
writeFileSync(
  'server/src/engine/knowledge/mariadb/options.json',
  JSON.stringify(
    { source: `mariadbd ${version} (Debian), --help --verbose`, options: sorted(options), ignored: sorted(ignored) },
    null,
    0,
  ) + '\n',
);
console.log(
  `${Object.keys(options).length} options of mariadbd ${version} (${Object.values(options).filter((o) => o.u).length} unsigned numbers), ${Object.keys(ignored).length} accepted and ignored`,
);
