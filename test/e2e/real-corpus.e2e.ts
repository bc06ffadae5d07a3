/**
 * Real configuration files from public repositories of people who deploy OpenStack HA
 * (test/corpus, sources and licences in test/corpus/SOURCES.md) and ../shared/corpus, each judged
 * by the daemon's own checker in a sandbox (test/e2e/sandbox.ts) and compared with our findings
 * both ways, for the same reason (test/e2e/differential.ts). Every disagreement we know of is listed
 * below with its reason; a new one fails the suite. pcs scripts have no offline checker (pcs needs a
 * cluster or ruby), and OpenStack .conf files are compared with oslo-config-validator by
 * `npm run test:oracle`, which needs the services' Python packages.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { detectKind, DocumentKind, lintAs } from '../../server/src/engine/lint';
import { pacemakerSyntax } from '../../server/src/engine/documents/pacemaker/recognise';
import { RealTool } from '../../server/src/engine/rules/rule';
import { ROOT } from '../support/paths';
import { JUDGES } from './sandbox';
import { runDifferential, Tally } from './differential';

interface RealFile {
  name: string;
  path: string;
  text: string;
  kind: DocumentKind | null;
  shared: boolean;
}

/** A corpus file's name is `owner__repo__path__base`: its kind is detected from the real base name, as on a user's disk. */
function files(): RealFile[] {
  const out: RealFile[] = [];
  const read = (dir: string, shared: boolean, kindHint?: DocumentKind) => {
    for (const f of fs.readdirSync(dir).sort()) {
      const p = path.join(dir, f);
      if (fs.statSync(p).isDirectory() || f.startsWith('SOURCES') || (f.endsWith('.md') && !f.endsWith('.html.md'))) continue;
      const text = fs.readFileSync(p, 'utf8');
      const base = `/corpus/${f.split('__').pop()}`;
      out.push({ name: f, path: base, text, kind: kindHint ?? detectKind(base, text), shared });
    }
  };
  const own = path.join(ROOT, 'test', 'corpus');
  for (const k of fs.readdirSync(own).sort()) if (fs.statSync(path.join(own, k)).isDirectory()) read(path.join(own, k), false);
  const shared = path.resolve(ROOT, '..', 'shared', 'corpus');
  if (fs.existsSync(shared)) {
    for (const k of ['corosync', 'pacemaker-cib', 'pacemaker-crm']) read(path.join(shared, k), true);
    // the guide's haproxy.cfg, extracted from its page
    read(path.join(shared, 'docs-extracted'), true, 'haproxy');
  }
  return out;
}

/** The checker that judges a file of this kind, if one runs offline here. */
function toolFor(f: RealFile): RealTool | undefined {
  switch (f.kind) {
    case 'haproxy':
      return 'haproxy -c';
    case 'keepalived':
      return 'keepalived -t';
    case 'corosync':
      return 'corosync -t';
    case 'galera':
      return 'mariadbd';
    case 'pacemaker': {
      const s = pacemakerSyntax(f.path, f.text);
      return s === 'cib' ? 'crm_verify' : s === 'crm' ? 'crmsh' : undefined;
    }
    default:
      return undefined;
  }
}

/** Where we and the daemon knowingly disagree on a real file, and why. */
const KNOWN: Record<string, string> = {
  'ClusterLabs__pacemaker__cts__scheduler__xml__bundle-order-startup.xml':
    "the CIB turns fencing off with fencing-enabled, the name Pacemaker 2.1.8 gave stonith-enabled; Debian 12's crm_verify (2.1.5) does not know it, so for it fencing is on with no device. On the Pacemaker the CIB is written for, fencing is off, which stonith-disabled-in-production reports",
  'ppouliot__ansible-drbd_virt_cluster__files__corosync__nginx_floating_ip.crm':
    'the file ends with `commit`, for `crm configure < file`, which runs it; `crm configure load update`, the offline check, takes element definitions only and refuses it',
};

const ALL = files();
const PROGRAMS: Record<string, string[]> = {
  'haproxy -c': ['haproxy', '-v'],
  'keepalived -t': ['keepalived', '-v'],
  'corosync -t': ['corosync', '-v'],
  mariadbd: ['mariadbd', '--version'],
  crm_verify: ['crm_verify', '--version'],
  crmsh: ['crm', '--version'],
};

const tallies: Tally[] = [];
for (const tool of Object.keys(JUDGES) as RealTool[]) {
  // our corpus (the README's figures), then ../shared/corpus where the checkout has it
  for (const shared of [false, true]) {
    const cases = ALL.filter((f) => toolFor(f) === tool && f.shared === shared);
    if (shared && !cases.length) continue;
    test(`${tool} agrees with our errors on ${cases.length} real files of ${shared ? '../shared/corpus' : 'test/corpus'}, both ways and for its reasons`, (t) => {
      const [cmd, ...args] = PROGRAMS[tool];
      if (spawnSync(cmd, args).error) throw new Error(`${cmd} is not installed (scripts/e2e/setup.sh installs it)`);
      const byName = new Map(cases.map((f) => [f.name, f]));
      const tally = runDifferential(t, {
        tool,
        cases: cases.map((f) => [f.name, f.text]),
        known: KNOWN,
        verdict: (text) => JUDGES[tool]!(text),
        ours: (_text, name) => {
          const f = byName.get(name)!;
          return lintAs(f.kind!, f.path, f.text).findings;
        },
      });
      if (!shared) tallies.push(tally);
    });
  }
}

test('the README gives the agreement figures the suites measure', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').replace(/\s+/g, ' ');
  assert.equal(tallies.length, Object.keys(JUDGES).length, 'every tool was compared');
  for (const x of tallies)
    assert.ok(readme.includes(`${x.tool} ${x.agree} of ${x.files}`), `README.md says ${x.tool} ${x.agree} of ${x.files}`);
  const own = path.join(ROOT, 'test', 'corpus');
  const count = fs
    .readdirSync(own)
    .filter((k) => fs.statSync(path.join(own, k)).isDirectory())
    .reduce((n, k) => n + fs.readdirSync(path.join(own, k)).length, 0);
  assert.ok(readme.includes(`holds ${count} configuration files`), `README.md says test/corpus holds ${count} configuration files`);
});

test('every real file is read without a crash, and the ones no checker judges are accounted for', (t) => {
  assert.ok(ALL.filter((f) => !f.shared).length >= 85, `test/corpus has ${ALL.filter((f) => !f.shared).length} files`);
  const unjudged = ALL.filter((f) => !toolFor(f));
  for (const f of ALL) if (f.kind) assert.doesNotThrow(() => lintAs(f.kind!, f.path, f.text), f.name);
  t.diagnostic(
    `${ALL.length} real files; judged by a checker: ${ALL.length - unjudged.length}; by kind without one here: ${[...new Set(unjudged.map((f) => f.kind ?? 'not claimed'))].map((k) => `${k} ${unjudged.filter((f) => (f.kind ?? 'not claimed') === k).length}`).join(', ')}`,
  );
  for (const f of unjudged.filter((x) => !x.kind)) t.diagnostic(`not claimed: ${f.name}`);
});
