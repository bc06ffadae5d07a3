/**
 * crmsh is the ground truth for a crm shell file: `crm configure load update FILE` with CIB_file
 * pointing at a throw-away copy of an empty CIB parses it offline (../shared/notes/real-tool-checkers.md).
 * A rejection is an ERROR line of crmsh's own; not counted: agents this host does not have ("got no
 * meta-data", "no such resource agent"), crm_verify's verdict on the throw-away CIB, and the final commit, which always fails
 * on a file-backed CIB in crmsh 4.4. When crmsh rejects a file we report at least one error; when we
 * report a syntax error (parse-error) crmsh rejects it. Known disagreements carry a reason.
 */
import { test } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { lintPacemaker } from '../../server/src/engine/lint';
import { ROOT } from '../support/paths';
import { JUDGES } from './sandbox';
import { mutationCases, runDifferential } from './differential';

const MUTATIONS: [string, (t: string) => string][] = [
  ['a sound file', (t) => t],
  ['a continuation line without its \\', (t) => t.replace('cidr_netmask=24 \\\n', 'cidr_netmask=24\n')],
  ["a comment after the \\ (the old guide's callouts)", (t) => t.replace('no-quorum-policy=stop \\\n', 'no-quorum-policy=stop \\ # <1>\n')],
  ['a misspelt command', (t) => t.replace('primitive haproxy', 'primitve haproxy')],
  ['an op without its name', (t) => t.replace('op monitor interval=10s', 'op interval=10s')],
  ['a quote left open', (t) => t.replace('cidr_netmask=24', 'cidr_netmask="24')],
  ['a colocation naming no resource (an HA error for us too)', (t) => t.replace('inf: vip haproxy-clone', 'inf: vip haproxy-clonex')],
  ['no-quorum-policy=ignore (valid for crmsh, an HA error for us)', (t) => t.replace('no-quorum-policy=stop', 'no-quorum-policy=ignore')],
  ['fencing off (valid for crmsh, an HA error for us)', (t) => t.replace('stonith-enabled=true', 'stonith-enabled=false')],
  [
    'a VIP without a monitor (valid for crmsh, a warning for us)',
    (t) => t.replace('cidr_netmask=24 \\\n  op monitor interval=30s', 'cidr_netmask=24'),
  ],
  [
    'quoted values with blanks',
    (t) =>
      t
        .replace('params ip=10.0.0.11', 'params ip="10.0.0.11" nic="eth1"')
        .replace(
          'primitive haproxy systemd:haproxy',
          'primitive haproxy systemd:haproxy \\\n  meta description="the API proxy, one per node"',
        ),
  ],
  [
    'a cluster property Pacemaker 2.0 took out of crm_config',
    (t) => t.replace('no-quorum-policy=stop', 'no-quorum-policy=stop default-resource-stickiness=100'),
  ],
  ['the old underscore spelling of a property', (t) => t.replace('no-quorum-policy=stop', 'no_quorum_policy=stop')],
];
const KNOWN: Record<string, string> = {
  // none today
};

test('crmsh agrees with our errors on a crm file and its mutations', (t) => {
  if (spawnSync('crm', ['--version']).status !== 0) throw new Error('crm is not installed (scripts/e2e/setup.sh installs crmsh)');
  const base = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'pacemaker', 'control-plane.crm'), 'utf8');
  runDifferential(t, {
    tool: 'crmsh',
    cases: mutationCases(base, MUTATIONS),
    known: KNOWN,
    verdict: JUDGES.crmsh!,
    ours: (text) => lintPacemaker(text, 'crm').findings,
  });
});
