// Writes the haproxy keyword catalogue (facts only: which keywords each section takes) from the
// configuration manual that Debian's haproxy package ships (/usr/share/doc/haproxy/configuration.txt.gz):
// the global keyword list of section 3 and the proxy keywords matrix of section 4.1.
//   node scripts/catalog/gen-haproxy-keywords.mjs   (run by hand after a haproxy upgrade)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const doc = gunzipSync(readFileSync('/usr/share/doc/haproxy/configuration.txt.gz')).toString('utf8').split('\n');
const version = execFileSync('haproxy', ['-v'], { encoding: 'utf8' }).split('\n')[0].replace(/^HAProxy version (\S+).*$/, '$1');
const at = (re, from = 0) => doc.findIndex((l, i) => i >= from && re.test(l));

const g0 = at(/^The following keywords are supported in the "global" section/);
const g1 = at(/^3\.1\. Process management and security/, g0);
const global = [...new Set(doc.slice(g0, g1).map((l) => /^\s+- (\S+)/.exec(l)?.[1]).filter(Boolean))].sort();

const m0 = at(/^ keyword\s+defaults\s+frontend\s+listen\s+backend/);
const m1 = at(/^4\.2\. /, m0);
const proxy = {};
for (const l of doc.slice(m0 + 2, m1)) {
  const m = /^(\S.*?)\s{2,}(X|-)(?: \(!\))?\s+(X|-)\s+(X|-)\s+(X|-)\s*$/.exec(l);
  if (!m) continue;
  const kw = m[1].replace(/\s*\((\*|deprecated)\)\s*/g, '').trim();
  proxy[kw] = { defaults: m[2] === 'X', frontend: m[3] === 'X', listen: m[4] === 'X', backend: m[5] === 'X', ...(/\(deprecated\)/.test(m[1]) ? { deprecated: true } : {}) };
}
const out = { format: 'haproxy-keywords/1', haproxy: version, source: 'configuration.txt of the Debian haproxy package: section 3 (global) and 4.1 (proxy keywords matrix)', global, proxy };
writeFileSync('server/src/engine/knowledge/haproxy/keywords.json', JSON.stringify(out, null, 1) + '\n');
console.log(`haproxy ${version}: ${global.length} global keywords, ${Object.keys(proxy).length} proxy keywords`);
