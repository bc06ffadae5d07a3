// `npm run test:oracle` (outside the default CI: it needs Debian 12's OpenStack packages, see
// scripts/catalog/gen-catalog.sh): a differential test against oslo-config-validator, the check
// OpenStack itself ships. For every real and mutated .conf file of test/oracle/conf, and the real files of
// test/corpus/oslo-conf, every option the
// validator reports as unknown or deprecated must be reported by us at that option's line.
// The validator has no line numbers: its group/option pairs are located in the file.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const ROOT = new URL('../..', import.meta.url).pathname;
const CACHE = join(ROOT, '.e2e', 'oracle');
mkdirSync(CACHE, { recursive: true });
for (const tool of ['oslo-config-validator', 'oslo-config-generator']) {
  if (spawnSync('which', [tool]).status !== 0) {
    console.error(
      `test:oracle: ${tool} is missing: apt-get install python3-oslo.config and the services' python3-* packages (npm run gen:catalog does)`,
    );
    process.exit(2);
  }
}

/** Known disagreements, each with its reason: `file group/option` (a regex) -> why. */
const KNOWN = [
  [
    /^cinder\.conf lvm\//,
    "cinder reads a backend section because enabled_backends names it ([lvm], [solidfire]); the validator does not know sections created by enabled_backends, we give them [backend_defaults]'s options",
  ],
];
/** What only we report, and why that is right. */
const ONLY_OURS = [
  [
    /\[keystone_authtoken\]/,
    'the validator skips [keystone_authtoken] ("incomplete sample config data"); we know its keystoneauth plugin options',
  ],
];
const knownReason = (key) => KNOWN.find(([re]) => re.test(key))?.[1];

// the namespace list of each file, as the catalogue was generated
const specs = Object.fromEntries(
  readFileSync(join(ROOT, 'scripts/catalog/gen-release.sh'), 'utf8')
    .split('\n')
    .map((l) => /^([\w.-]+\.(?:conf|ini))\|[\w-]+\|(.+)$/.exec(l))
    .filter(Boolean)
    .map((m) => [m[1], m[2].trim().split(/\s+/)]),
);

function optData(file) {
  const out = join(CACHE, `${file}.yaml`);
  if (!existsSync(out))
    execFileSync('oslo-config-generator', [...specs[file].flatMap((n) => ['--namespace', n]), '--format', 'yaml', '--output-file', out], {
      stdio: 'ignore',
    });
  return out;
}

function oracle(path) {
  const r = spawnSync('oslo-config-validator', ['--opt-data', optData(basename(path)), '--input-file', path], { encoding: 'utf8' });
  const items = [];
  for (const l of (r.stderr + r.stdout).split('\n')) {
    let m = /^ERROR:root:([^/\s]+)\/(\S+) is not part of the sample config/.exec(l);
    if (m) {
      items.push({ kind: 'unknown', group: m[1], option: m[2] });
      continue;
    }
    m = /^WARNING:root:Deprecated opt ([^/\s]+)\/(\S+) found/.exec(l);
    if (m) items.push({ kind: 'deprecated', group: m[1], option: m[2] });
  }
  return items;
}

/** Lines of `[group] option` in the file (oslo: DEFAULT exact, other groups case-insensitive). */
function linesOf(text, group, option) {
  const norm = (g) => (g === 'DEFAULT' ? g : g.toLowerCase());
  const out = [];
  let section = null;
  text.split('\n').forEach((l, i) => {
    const s = /^\[([^\]]+)\]\s*$/.exec(l);
    if (s) {
      section = { name: s[1], line: i };
      return;
    }
    const kv = /^([^\s#;=:][^=:]*?)\s*[=:]/.exec(l);
    if (kv && section && norm(section.name) === norm(group) && kv[1] === option) out.push({ line: i, header: section.line });
  });
  return out;
}

const OURS_FOR = {
  unknown: ['unknown-option', 'unknown-section', 'option-in-wrong-section', 'oslo-option-name-case', 'deprecated-option'],
  deprecated: ['deprecated-option', 'option-removal-pending'],
};

function ours(dir) {
  writeFileSync(join(dir, '.openstack-ha.yaml'), 'release: zed\n');
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/openstack-ha.js'), 'lint', '--format', 'json', dir], { encoding: 'utf8' });
  return JSON.parse(r.stdout).diagnostics;
}

/** Real files, and mutations of them: a typo in a key, a key in capitals, an option moved to [DEFAULT]. */
function cases() {
  const src = join(ROOT, 'test/oracle/conf');
  const out = [];
  for (const f of readdirSync(src)
    .filter((n) => /\.(conf|ini)$/.test(n))
    .sort()) {
    const text = readFileSync(join(src, f), 'utf8');
    out.push({ name: `${f}`, file: f, text });
    const lines = text.split('\n');
    const keyLines = lines.map((l, i) => [l, i]).filter(([l]) => /^[a-z][\w.]*\s*=/.test(l));
    keyLines.slice(0, 6).forEach(([l, i], k) => {
      const key = /^([\w.]+)/.exec(l)[1];
      const mutated = [...lines];
      if (k % 3 === 0) mutated[i] = l.replace(key, key.slice(0, -1));
      else if (k % 3 === 1) mutated[i] = l.replace(key, key[0].toUpperCase() + key.slice(1));
      else {
        mutated.splice(i, 1);
        mutated.splice(lines.findIndex((x) => x === '[DEFAULT]') + 1 || 0, 0, ...(lines.includes('[DEFAULT]') ? [l] : ['[DEFAULT]', l]));
      }
      out.push({
        name: `${f} (mutation ${k + 1}: ${['typo', 'capital', 'moved to DEFAULT'][k % 3]} ${key})`,
        file: f,
        text: mutated.join('\n'),
      });
    });
  }
  // the real files of test/corpus, as they are (their base name says which service's catalogue applies)
  const corpus = join(ROOT, 'test/corpus/oslo-conf');
  for (const f of readdirSync(corpus)
    .filter((n) => /\.(conf|ini)$/.test(n))
    .sort()) {
    const file = f.split('__').pop();
    if (specs[file]) out.push({ name: `corpus ${f}`, file, text: readFileSync(join(corpus, f), 'utf8') });
  }
  return out;
}

let agreed = 0,
  missed = 0,
  known = 0,
  extra = 0;
const problems = [];
const reasons = new Set();
for (const c of cases()) {
  const dir = mkdtempSync(join(tmpdir(), 'osha-oracle-'));
  const path = join(dir, c.file);
  writeFileSync(path, c.text);
  const theirs = oracle(path);
  const mine = ours(dir);
  const matched = new Set();
  for (const t of theirs) {
    const at = linesOf(c.text, t.group, t.option);
    const hit = mine.find(
      (d) =>
        OURS_FOR[t.kind].includes(d.rule) &&
        at.some((a) => d.range.start.line === a.line || (d.rule === 'unknown-section' && d.range.start.line === a.header)),
    );
    // a backend section cinder reads because enabled_backends names it, whatever its name ([lvm], [solidfire])
    const backends =
      /^enabled_backends\s*=\s*(.*)$/m
        .exec(c.text)?.[1]
        .split(',')
        .map((b) => b.trim()) ?? [];
    const key = c.file === 'cinder.conf' && backends.includes(t.group) ? `cinder.conf lvm/${t.option}` : `${c.file} ${t.group}/${t.option}`;
    if (hit) {
      agreed++;
      matched.add(hit);
    } else if (knownReason(key)) {
      known++;
      reasons.add(`KNOWN   ${key.replace(/ [^ ]*$/, ' ...')}: ${knownReason(key)}`);
    } else {
      missed++;
      problems.push(
        `MISSED  ${c.name}: validator: ${t.kind} ${t.group}/${t.option}; we: ${
          mine
            .filter((d) => at.some((a) => d.range.start.line === a.line))
            .map((d) => d.rule)
            .join(', ') || 'nothing'
        }`,
      );
    }
  }
  for (const d of mine) {
    if (!['unknown-option', 'unknown-section', 'deprecated-option'].includes(d.rule) || matched.has(d)) continue;
    extra++;
    const why = ONLY_OURS.find(([re]) => re.test(d.message))?.[1];
    problems.push(`ONLY US ${c.name}:${d.range.start.line + 1} ${d.rule}: ${d.message}${why ? `\n        (${why})` : ''}`);
  }
}
for (const p of [...reasons, ...problems]) console.log(p);
console.log(
  `oslo-config-validator agreement: ${agreed} of ${agreed + missed + known} validator findings reported by us at the right line; ${known} known disagreements; ${extra} reported only by us`,
);
console.log(`${agreed + known} passed, ${missed} failed`);
process.exit(missed ? 1 : 0);
