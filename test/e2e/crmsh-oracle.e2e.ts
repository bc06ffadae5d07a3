/**
 * crmsh is the ground truth for a crm shell file: `crm configure load update FILE` with CIB_file
 * pointing at a throw-away copy of an empty CIB parses it offline (../shared/notes/real-tool-checkers.md).
 * A rejection is an ERROR line of crmsh's own; not counted: agents this host does not have ("got no
 * meta-data", "no such resource agent"), crm_verify's verdict on the throw-away CIB, and the final commit, which always fails
 * on a file-backed CIB in crmsh 4.4. When crmsh rejects a file we report at least one error; when we
 * report a syntax error (parse-error) crmsh rejects it. Known disagreements carry a reason.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { lintPacemaker } from '../../server/src/engine/lint';
import { ROOT } from '../support/paths';
import { freshDir } from './support';
import { corpusCases, mutationCases, runDifferential } from './differential';

const EMPTY_CIB = '<cib crm_feature_set="3.16.2" validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0">\n  <configuration>\n    <crm_config/>\n    <nodes/>\n    <resources/>\n    <constraints/>\n  </configuration>\n  <status/>\n</cib>\n';

const MUTATIONS: [string, (t: string) => string][] = [
  ['a sound file', (t) => t],
  ['a continuation line without its \\', (t) => t.replace('cidr_netmask=24 \\\n', 'cidr_netmask=24\n')],
  ['a comment after the \\ (the old guide\'s callouts)', (t) => t.replace('no-quorum-policy=stop \\\n', 'no-quorum-policy=stop \\ # <1>\n')],
  ['a misspelt command', (t) => t.replace('primitive haproxy', 'primitve haproxy')],
  ['an op without its name', (t) => t.replace('op monitor interval=10s', 'op interval=10s')],
  ['a quote left open', (t) => t.replace('cidr_netmask=24', 'cidr_netmask="24')],
  ['a colocation naming no resource (an HA error for us too)', (t) => t.replace('inf: vip haproxy-clone', 'inf: vip haproxy-clonex')],
  ['no-quorum-policy=ignore (valid for crmsh, an HA error for us)', (t) => t.replace('no-quorum-policy=stop', 'no-quorum-policy=ignore')],
  ['fencing off (valid for crmsh, an HA error for us)', (t) => t.replace('stonith-enabled=true', 'stonith-enabled=false')],
  ['a VIP without a monitor (valid for crmsh, a warning for us)', (t) => t.replace('cidr_netmask=24 \\\n  op monitor interval=30s', 'cidr_netmask=24')],
  ['quoted values with blanks', (t) => t.replace('params ip=10.0.0.11', 'params ip="10.0.0.11" nic="eth1"').replace('primitive haproxy systemd:haproxy', 'primitive haproxy systemd:haproxy \\\n  meta description="the API proxy, one per node"')],
];
const KNOWN: Record<string, string> = {
  // none today
};

/** crmsh's own errors for a file, with the noise of this sandbox left out. */
function crmErrors(dir: string, file: string): string[] {
  fs.writeFileSync(path.join(dir, 'cib.xml'), EMPTY_CIB);
  const r = spawnSync('crm', ['configure', 'load', 'update', file], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, CIB_file: path.join(dir, 'cib.xml'), HOME: dir } });
  assert.ok(r.status !== null, `crm did not finish: ${r.stderr}`);
  // eslint-disable-next-line no-control-regex
  const out = (r.stdout + r.stderr).replace(/\x1b\[[0-9;]*m/g, '');
  return out.split('\n').map((l) => l.trim()).filter((l) => /^ERROR:/.test(l)
    && !/got no meta-data|no such resource agent|^ERROR: \(\w+\)|crm_verify:|Call failed|NameError|could not (replace|patch)/.test(l));
}

test('crmsh agrees with our errors on a crm file, its mutations and the guide\'s crm snippets', (t) => {
  if (spawnSync('crm', ['--version']).status !== 0) throw new Error('crm is not installed (scripts/e2e/setup.sh installs crmsh)');
  const dir = freshDir('crmsh-oracle');
  const base = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'pacemaker', 'control-plane.crm'), 'utf8');
  const file = path.join(dir, 'snippet.crm');
  runDifferential(t, {
    tool: 'crmsh', cases: [...mutationCases(base, MUTATIONS), ...corpusCases('pacemaker-crm', /\.crm$/)], known: KNOWN,
    verdict(text) { fs.writeFileSync(file, text); const errs = crmErrors(dir, file); return { rejected: errs.length > 0, why: errs[0] }; },
    ours: (text) => lintPacemaker(text, 'crm').findings,
  });
});
