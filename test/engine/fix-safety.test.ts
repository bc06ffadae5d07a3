/**
 * Every fix the engine offers, on every file the suite has (test/fixtures, examples, test/corpus,
 * ../shared/corpus when present, the examples of docs/rules/*.md), each with \n, \r\n and lone-\r
 * line breaks and with a byte-order mark: after a fix (or "disable for this line") the file still
 * parses, its finding is gone, no new error appears, the edits keep the file's line breaks, and
 * `--fix` (safe fixes to a fixed point, as the CLI runs them) changes nothing the second time.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectKind, DocumentKind, lintAs, LintResult } from '../../server/src/engine/lint';
import { languageOf } from '../../server/src/engine/languages';
import { EMPTY_CONFIG, LintConfig } from '../../server/src/engine/config';
import { applyEdits, safeFixEdits } from '../../server/src/engine/fixes';
import { disableFileEdit, disableLineEdit } from '../../server/src/engine/service/suppress';
import { topologyFromSettings } from '../../server/src/engine/model/topology';
import { ConfContext } from '../../server/src/engine/check';
import { Finding, Fix, TextEdit } from '../../server/src/engine/types';
import { ROOT } from '../support/paths';
import { dedent, HEADER } from '../support/fixture';

interface Input {
  name: string;
  path: string;
  kind: DocumentKind;
  text: string;
  config?: LintConfig;
  context?: ConfContext;
}

const HINTS: Record<string, DocumentKind> = {
  corosync: 'corosync',
  galera: 'galera',
  haproxy: 'haproxy',
  keepalived: 'keepalived',
  'oslo-conf': 'oslo-conf',
  pacemaker: 'pacemaker',
  'pacemaker-cib': 'pacemaker',
  'pacemaker-crm': 'pacemaker',
  'docs-extracted': 'haproxy',
};

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = path.join(dir, f);
      return fs.statSync(p).isDirectory() ? walk(p) : [p];
    });
}

/** Files on disk; a corpus file is named `owner__repo__path__base` and judged by its base name. */
function diskInputs(): Input[] {
  const out: Input[] = [];
  const dirs = [
    path.join(ROOT, 'test', 'fixtures'),
    path.join(ROOT, 'examples'),
    path.join(ROOT, 'test', 'corpus'),
    path.resolve(ROOT, '..', 'shared', 'corpus'),
  ];
  for (const dir of dirs) {
    for (const p of walk(dir)) {
      const base = path.basename(p);
      if (base.startsWith('SOURCES') || base.endsWith('.md')) continue;
      const text = fs.readFileSync(p, 'utf8');
      const virtual = base.includes('__') ? `/corpus/${base.split('__').pop()}` : p;
      const kind = detectKind(virtual, text) ?? HINTS[path.basename(path.dirname(p))];
      if (kind) out.push({ name: path.relative(path.resolve(ROOT, '..'), p), path: virtual, kind, text });
    }
  }
  return out;
}

const list = (s?: string) => s?.split(',').map((x) => x.trim());

/** A doc page's example, as test/engine/docs-and-examples.test.ts reads it (a whole workspace, `#- `, is left out). */
function docInput(name: string, text: string): Input | undefined {
  if (text.startsWith('#- ')) return undefined;
  const at = (p: string, kind: DocumentKind, extra: Partial<Input> = {}): Input => ({ name, path: p, kind, text, ...extra });
  if (text.startsWith('# corosync.conf\n')) return at('/etc/corosync/corosync.conf', 'corosync');
  if (text.startsWith('# firewall script\n')) return at('/root/firewall.sh', 'firewall');
  if (text.startsWith('# rules.v4\n')) return at('/etc/iptables/rules.v4', 'firewall');
  if (text.startsWith('# pcs\n')) return at('/root/cluster.pcs', 'pacemaker');
  if (text.startsWith('# crm\n')) return at('/root/cluster.crm', 'pacemaker');
  if (text.startsWith('<cib')) return at('/root/cib.xml', 'pacemaker');
  if (text.startsWith('# keepalived.conf\n')) return at('/etc/keepalived/keepalived.conf', 'keepalived');
  const cnf = /^# my\.cnf(?: \(vips: ([^;]+); controllers: ([^)]+)\))?\n/.exec(text);
  if (cnf)
    return at('/etc/mysql/my.cnf', 'galera', {
      context: { topology: cnf[1] ? topologyFromSettings(list(cnf[1])!, list(cnf[2])!, '.openstack-ha.yaml') : undefined },
    });
  const m = /^# ([\w.-]+\.(?:conf|ini|cfg))(?: \(vips: ([^;]+); controllers: ([^)]+)\)| \(peer host: ([^)]+)\))?/.exec(text);
  if (!m) return at('/deploy/site.ha.yaml', 'manifest');
  if (m[1] === 'haproxy.cfg')
    return at('/etc/haproxy/haproxy.cfg', 'haproxy', {
      context: { topology: m[2] ? topologyFromSettings(list(m[2])!, list(m[3])!, '.openstack-ha.yaml') : undefined },
    });
  const peers = m[4] ? [{ file: '../node2/cinder.conf', kind: 'cinder.conf', host: m[4] }] : [];
  return at(`/etc/x/${m[1]}`, 'oslo-conf', { config: { rules: {}, vips: list(m[2]), controllers: list(m[3]) }, context: { peers } });
}

function docInputs(): Input[] {
  const dir = path.join(ROOT, 'docs', 'rules');
  const out: Input[] = [];
  for (const f of fs.readdirSync(dir).sort()) {
    if (!f.endsWith('.md')) continue;
    const md = fs.readFileSync(path.join(dir, f), 'utf8');
    let n = 0;
    for (const b of md.matchAll(/```(?:yaml|ini|haproxy|corosync|keepalived|sh|crm|xml)\n([\s\S]*?)```/g)) {
      const i = docInput(`docs/rules/${f}#${++n}`, b[1]);
      if (i) out.push(i);
    }
  }
  return out;
}

/** The kind of an inline fixture of a rule test, by what it holds; undefined for anything else (a workspace, a fragment). */
function inlineInput(name: string, text: string, confFile: string): Input | undefined {
  if (text.startsWith('#- ') || text.trim().split('\n').length < 2) return undefined;
  const at = (p: string, kind: DocumentKind, t = text): Input => ({ name, path: p, kind, text: t });
  if (/^\s*<cib\b/.test(text)) return at('/root/cib.xml', 'pacemaker');
  if (/^\s*(apiVersion|nodes|clusters|vips|services|metadata):/m.test(text))
    return at('/deploy/site.ha.yaml', 'manifest', /^apiVersion:/m.test(text) ? text : HEADER + text);
  if (/^\s*(totem|quorum|nodelist|logging)\s*\{/m.test(text)) return at('/etc/corosync/corosync.conf', 'corosync');
  if (/^\s*(vrrp_instance|vrrp_script|global_defs|virtual_server)\b/m.test(text))
    return at('/etc/keepalived/keepalived.conf', 'keepalived');
  if (/^\s*(global|defaults|frontend|backend|listen)\b/m.test(text)) return at('/etc/haproxy/haproxy.cfg', 'haproxy');
  if (/^\s*pcs /m.test(text)) return at('/root/cluster.pcs', 'pacemaker');
  if (/^\s*(primitive|property|colocation|order|clone|ms) /m.test(text)) return at('/root/cluster.crm', 'pacemaker');
  if (/^\*filter/m.test(text)) return at('/etc/iptables/rules.v4', 'firewall');
  if (/^\s*\[(mysqld|galera|mariadb|server)\]/m.test(text)) return at('/etc/mysql/conf.d/galera.cnf', 'galera');
  if (/^\s*\[[\w-]+\]\s*$/m.test(text)) return at(`/etc/x/${confFile}`, 'oslo-conf');
  return undefined;
}

/** The inline fixtures of test/rules/*.test.ts: string and template literals without interpolation, several lines long. */
function inlineInputs(): Input[] {
  const dir = path.join(ROOT, 'test', 'rules');
  const out: Input[] = [];
  const seen = new Set<string>();
  for (const f of fs.readdirSync(dir).sort()) {
    if (!f.endsWith('.test.ts')) continue;
    const src = fs.readFileSync(path.join(dir, f), 'utf8');
    // the catalogue file the test names first (nova.conf, neutron.conf, ...), for its .conf fixtures
    const confFile = /'(\w+\.(?:conf|ini))'/.exec(src)?.[1] ?? 'nova.conf';
    const literals = [
      ...[...src.matchAll(/`((?:[^`\\$]|\\.|\$(?!\{))*)`/g)].map((m) => dedent(new Function(`return \`${m[1]}\`;`)() as string)),
      ...[...src.matchAll(/'((?:[^'\\\n]|\\.)*\\n(?:[^'\\\n]|\\.)*\\n(?:[^'\\\n]|\\.)*)'/g)].map(
        (m) => new Function(`return '${m[1]}';`)() as string,
      ),
    ];
    let n = 0;
    for (const text of literals) {
      if (seen.has(text)) continue;
      seen.add(text);
      const i = inlineInput(`test/rules/${f}#${++n}`, text, confFile);
      if (i) out.push(i);
    }
  }
  return out;
}

const VARIANTS: [string, (t: string) => string][] = [
  ['lf', (t) => t],
  ['crlf', (t) => t.replace(/\n/g, '\r\n')],
  ['cr', (t) => t.replace(/\n/g, '\r')],
  ['bom', (t) => '\ufeff' + t],
];

/**
 * The readers that split lines on a lone \r too; the others (YAML, haproxy, corosync, .conf, .cnf,
 * keepalived, firewall) read a lone-\r file as one line, so its findings and fixes mean nothing.
 */
const CR_READERS = new Set<DocumentKind>(['pacemaker']);

const lint = (i: Input, text: string): LintResult => lintAs(i.kind, i.path, text, i.config ?? EMPTY_CONFIG, i.context ?? {});
// a message that names a line ("the listen on line 2") names another once a line is inserted above
const key = (f: Finding) => `${f.severity} ${f.rule}: ${f.message.replace(/\bline \d+/g, 'line N')}`;
const count = (fs: Finding[], k: (f: Finding) => boolean) => fs.filter(k).length;

/** What is wrong with an edit on this text, or undefined. */
function badEdit(text: string, variant: string, e: TextEdit): string | undefined {
  if (!(0 <= e.start && e.start <= e.end && e.end <= text.length)) return `edit ${e.start}-${e.end} outside 0-${text.length}`;
  const splits = (o: number) => text[o - 1] === '\r' && text[o] === '\n';
  if (splits(e.start) || splits(e.end)) return `edit at ${e.start}-${e.end} splits a \\r\\n`;
  if (text.startsWith('\ufeff') && e.start === 0 && e.end === 0) return 'insertion before the byte-order mark';
  const nl = e.newText;
  if (variant === 'crlf' && /\r(?!\n)|(?<!\r)\n/.test(nl)) return `inserts ${JSON.stringify(nl)} into a \\r\\n file`;
  if (variant === 'cr' && nl.includes('\n')) return `inserts ${JSON.stringify(nl)} into a \\r file`;
  if ((variant === 'lf' || variant === 'bom') && nl.includes('\r')) return `inserts ${JSON.stringify(nl)} into a \\n file`;
  return undefined;
}

/** `lint --fix`: the safe fixes, pass after pass, until none is left (at most 10 passes, as the CLI). */
function fixAll(i: Input, text: string): { text: string; passes: number; converged: boolean } {
  let r = lint(i, text);
  for (let pass = 0; pass < 10; pass++) {
    const edits = safeFixEdits(r.findings);
    if (!edits.length) return { text, passes: pass, converged: true };
    text = applyEdits(text, edits);
    r = lint(i, text);
  }
  return { text, passes: 10, converged: safeFixEdits(r.findings).length === 0 };
}

/**
 * Known limitations, each with its reason: `rule|fix title` or a `*` pattern on the failure line.
 * Everything else the walk finds fails the test.
 */
const ALLOWED: [RegExp, string][] = [
  [
    /\[bom\] keepalived-unknown-keyword "(Change to \w+|Disable keepalived-unknown-keyword for this line)": a new (error|parse-error)/,
    // keepalived reads '\ufeffglobal_defs' as an unknown word and skips its block; once the fix makes the
    // block readable, the block's own mistakes show: revealed, not made by the fix
    'a byte-order mark hid a block that has its own error',
  ],
];

interface Tally {
  files: number;
  texts: number;
  fixes: number;
  fixAllChanged: number;
  failures: string[];
  unread: Map<string, number>;
}

function checkText(i: Input, variant: string, text: string, t: Tally): void {
  const r = lint(i, text);
  const parseErrors = count(r.findings, (f) => f.rule === 'parse-error');
  const where = `${i.name} [${variant}]`;
  const fail = (f: Finding, fix: Fix, why: string) => {
    const line = `${where} ${f.rule} "${fix.title}": ${why}`;
    if (!ALLOWED.some(([re]) => re.test(line))) t.failures.push(line);
  };
  for (const f of r.findings) {
    const edit = disableLineEdit(text, f.span, f.rule);
    const fileEdit = disableFileEdit(text, f.rule);
    const disable: Fix[] = [
      ...(edit ? [{ title: `Disable ${f.rule} for this line`, safe: false, edits: [edit] }] : []),
      ...(fileEdit ? [{ title: `Disable ${f.rule} for this file`, safe: false, edits: [fileEdit] }] : []),
    ];
    for (const fix of [...f.fixes, ...disable]) {
      t.fixes++;
      const bad = fix.edits.map((e) => badEdit(text, variant, e)).find(Boolean);
      if (bad) {
        fail(f, fix, bad);
        continue;
      }
      let after: string;
      try {
        after = applyEdits(text, fix.edits);
      } catch (e) {
        fail(f, fix, String(e));
        continue;
      }
      const lo = Math.min(...fix.edits.map((e) => e.start)),
        hi = Math.max(...fix.edits.map((e) => e.end));
      if (!after.startsWith(text.slice(0, lo)) || !after.endsWith(text.slice(hi))) fail(f, fix, 'text outside the edits changed');
      const r2 = lint(i, after);
      if (count(r2.findings, (x) => x.rule === 'parse-error') > parseErrors) fail(f, fix, 'a new parse-error');
      if (count(r2.findings, (x) => key(x) === key(f)) >= count(r.findings, (x) => key(x) === key(f))) fail(f, fix, 'the finding stays');
      const before = new Map<string, number>();
      for (const x of r.findings) if (x.severity === 'error') before.set(key(x), (before.get(key(x)) ?? 0) + 1);
      for (const x of r2.findings) {
        if (x.severity !== 'error') continue;
        const n = before.get(key(x)) ?? 0;
        if (n === 0) fail(f, fix, `a new error: ${key(x)}`);
        else before.set(key(x), n - 1);
      }
    }
  }
  const once = fixAll(i, text);
  if (once.text !== text) t.fixAllChanged++;
  const line = (why: string) => {
    const l = `${where} --fix: ${why}`;
    if (!ALLOWED.some(([re]) => re.test(l))) t.failures.push(l);
  };
  if (!once.converged) line('safe fixes do not reach a fixed point in 10 passes');
  const twice = fixAll(i, once.text);
  if (twice.text !== once.text) line('a second --fix changes the file');
  const r3 = lint(i, once.text);
  if (count(r3.findings, (x) => x.rule === 'parse-error') > parseErrors) line('a new parse-error');
  const errs = new Set(r.findings.filter((x) => x.severity === 'error').map(key));
  for (const x of r3.findings) if (x.severity === 'error' && !errs.has(key(x))) line(`a new error: ${key(x)}`);
}

test('fix safety: every fix on every fixture, corpus file, doc example and rule test fixture, in \\n, \\r\\n, \\r and BOM variants', () => {
  const inputs = [...diskInputs(), ...docInputs(), ...inlineInputs()];
  const t: Tally = { files: inputs.length, texts: 0, fixes: 0, fixAllChanged: 0, failures: [], unread: new Map() };
  for (const i of inputs) {
    const lf = i.text.replace(/\r\n?/g, '\n');
    const parseErrors = (text: string) => count(lint(i, text).findings, (f) => f.rule === 'parse-error');
    for (const [variant, make] of VARIANTS) {
      const text = make(lf);
      // a reader that does not read lone-\r lines or a byte-order mark (listed in the report) has nothing to fix
      if (
        !languageOf(i.kind).recognise(i.path, text) ||
        (variant === 'cr' && !CR_READERS.has(i.kind)) ||
        (variant !== 'lf' && parseErrors(text) > parseErrors(lf))
      ) {
        t.unread.set(`${i.kind} ${variant}`, (t.unread.get(`${i.kind} ${variant}`) ?? 0) + 1);
        continue;
      }
      t.texts++;
      checkText(i, variant, text, t);
    }
  }
  // the figures the issue reports; a collection that shrank would pass vacuously
  console.log(
    `fix-safety: ${t.files} files, ${t.texts} texts, ${t.fixes} fixes applied, --fix changed ${t.fixAllChanged} texts; unread: ${[...t.unread].map(([k, n]) => `${k} ${n}`).join(', ')}`,
  );
  assert.ok(t.files > 150 && t.fixes > 1000, `too few inputs: ${t.files} files, ${t.fixes} fixes`);
  if (process.env.FIX_SAFETY_DUMP) fs.writeFileSync(process.env.FIX_SAFETY_DUMP, t.failures.join('\n') + '\n');
  assert.deepEqual(t.failures, []);
});
