// Writes the haproxy keyword catalogue (facts only: which keywords each section takes) from the
// configuration manual that Debian's haproxy package ships (/usr/share/doc/haproxy/configuration.txt.gz):
// the global keyword list of section 3, the proxy keywords matrix of section 4.1, and the options of
// bind (5.1) and server lines (5.2).
//   node scripts/catalog/gen-haproxy-keywords.mjs   (run by hand after a haproxy upgrade)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const doc = gunzipSync(readFileSync('/usr/share/doc/haproxy/configuration.txt.gz')).toString('utf8').split('\n');
const version = execFileSync('haproxy', ['-v'], { encoding: 'utf8' })
  .split('\n')[0]
  .replace(/^HAProxy version (\S+).*$/, '$1');
const at = (re, from = 0) => doc.findIndex((l, i) => i >= from && re.test(l));

const g0 = at(/^The following keywords are supported in the "global" section/);
const g1 = at(/^3\.1\. Process management and security/, g0);
const global = [
  ...new Set(
    doc
      .slice(g0, g1)
      .map((l) => /^\s+- (\S+)/.exec(l)?.[1])
      .filter(Boolean),
  ),
].sort();

const m0 = at(/^ keyword\s+defaults\s+frontend\s+listen\s+backend/);
const m1 = at(/^4\.2\. /, m0);
const proxy = {};
for (const l of doc.slice(m0 + 2, m1)) {
  const m = /^(\S.*?)\s{2,}(X|-)(?: \(!\))?\s+(X|-)\s+(X|-)\s+(X|-)\s*$/.exec(l);
  if (!m) continue;
  const kw = m[1].replace(/\s*\((\*|deprecated)\)\s*/g, '').trim();
  proxy[kw] = {
    defaults: m[2] === 'X',
    frontend: m[3] === 'X',
    listen: m[4] === 'X',
    backend: m[5] === 'X',
    ...(/\(deprecated\)/.test(m[1]) ? { deprecated: true } : {}),
  };
}
// section 5.2: the options of server and default-server lines, and whether each takes a value (`inter <delay>`)
const s0 = at(/^5\.2\. Server and default-server options/);
const s1 = at(/^5\.3\. /, s0);
const server = {};
for (const l of doc.slice(s0, s1)) {
  const m = /^([a-z][a-z0-9-]+)(\s+[<[{].*)?\s*$/.exec(l);
  if (m) server[m[1]] = (server[m[1]] ?? false) || !!m[2];
}
// section 5.1: the options of bind lines after the address, and whether each takes a value (`crt <cert>`, `expose-fd listeners`)
const b0 = at(/^5\.1\. Bind options/);
const bind = {};
for (const l of doc.slice(b0, s0)) {
  const m = /^([a-z][a-z0-9-]+)(\s+\S.*)?\s*$/.exec(l);
  // the option headings are single lower-case words, with their value after them; prose lines have several words and a full stop
  if (m && !/[.:]$/.test(l.trim()) && (!m[2] || /^\s+([<[{]|[a-z-]+$|\S+ \| )/.test(m[2]))) bind[m[1]] = (bind[m[1]] ?? false) || !!m[2];
}
const sorted = (o) =>
  Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, o[k]]),
  );
const out = {
  format: 'haproxy-keywords/1',
  haproxy: version,
  source:
    'configuration.txt of the Debian haproxy package: section 3 (global), 4.1 (proxy keywords matrix), 5.1 (bind options) and 5.2 (server options)',
  global,
  proxy,
  bind: sorted(bind),
  server: sorted(server),
};
writeFileSync('server/src/engine/knowledge/haproxy/keywords.json', JSON.stringify(out, null, 1) + '\n');
console.log(
  `haproxy ${version}: ${global.length} global keywords, ${Object.keys(proxy).length} proxy keywords, ${Object.keys(out.bind).length} bind options, ${Object.keys(out.server).length} server options`,
);
