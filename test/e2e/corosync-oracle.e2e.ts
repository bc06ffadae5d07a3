/**
 * corosync -t is the ground truth for corosync.conf. It runs in a private network and mount
 * namespace (unshare) with a bridge holding the first node's address, a tmpfs /var/log and a key
 * file, so the check depends on nothing of the host. When corosync rejects a file we report at least
 * one error; when we report a syntax error corosync rejects it. Known disagreements carry a reason.
 */
import { test } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { lintCorosync } from '../../server/src/engine/lint';
import { ROOT } from '../support/paths';
import { JUDGES } from './sandbox';
import { mutationCases, runDifferential } from './differential';

const MUTATIONS: [string, (t: string) => string][] = [
  ['a sound corosync 3 file', (t) => t],
  ['token is not a number', (t) => t.replace('token: 10000', 'token: abc')],
  ['a missing closing brace', (t) => t.replace(/\}\s*\nquorum/, '\nquorum')],
  ['a duplicate nodeid', (t) => t.replace('nodeid: 2', 'nodeid: 1')],
  ['two_node is not a number', (t) => t.replace('provider: corosync_votequorum', 'provider: corosync_votequorum\n    two_node: yes')],
  ['a stray line', (t) => t.replace('cluster_name: openstack', 'cluster_name openstack')],
  ['udpu with crypto', (t) => t.replace('transport: knet', 'transport: udpu')],
  [
    'two nodes without two_node (valid for corosync, an HA error for us)',
    (t) => t.replace(/ {4}node \{\n {8}ring0_addr: 10\.0\.0\.14\n {8}nodeid: 3\n {4}\}\n/, ''),
  ],
  ['no votequorum provider (valid for corosync, a warning for us)', (t) => t.replace('    provider: corosync_votequorum\n', '')],
  ['a misspelt key (corosync ignores it; a warning for us)', (t) => t.replace('token: 10000', 'tokn: 10000')],
  ['a cipher corosync does not have', (t) => t.replace('crypto_cipher: aes256', 'crypto_cipher: aes257')],
  ['a hash corosync does not have', (t) => t.replace('crypto_hash: sha256', 'crypto_hash: sha257')],
  ['a placeholder for a ring address', (t) => t.replace('ring0_addr: 10.0.0.13', 'ring0_addr: <NODE2_IP_ADDRESS>')],
  [
    'a second ring and nodes without names',
    (t) =>
      t
        .replace(/ring0_addr: (10\.0\.0\.\d+)/g, 'ring0_addr: $1\n        ring1_addr: 10.1.0.$1')
        .replace(/10\.1\.0\.10\.0\.0\./g, '10.1.0.'),
  ],
  [
    'expected_votes above the nodelist (valid for corosync, an HA error for us)',
    (t) => t.replace('provider: corosync_votequorum', 'provider: corosync_votequorum\n    expected_votes: 7'),
  ],
  [
    'service and aisexec blocks of corosync 2 (corosync 3 ignores them; warnings for us)',
    (t) => `${t}service {\n    name: pacemaker\n    ver: 1\n}\naisexec {\n    user: root\n}\n`,
  ],
];
const KNOWN: Record<string, string> = {
  // none today
};

test('corosync -t agrees with our errors on a corosync 3 file and its mutations', (t) => {
  if (spawnSync('corosync', ['-v']).status !== 0) throw new Error('corosync is not installed (scripts/e2e/setup.sh installs it)');
  const base = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'corosync', 'corosync3.conf'), 'utf8');
  runDifferential(t, {
    tool: 'corosync -t',
    cases: mutationCases(base, MUTATIONS),
    known: KNOWN,
    verdict: JUDGES['corosync -t']!,
    ours: (text) => lintCorosync(text).findings,
  });
});
