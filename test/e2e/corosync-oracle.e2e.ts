/**
 * corosync -t is the ground truth for corosync.conf. It runs in a private network and mount
 * namespace (unshare) with a bridge holding the first node's address, a tmpfs /var/log and a key
 * file, so the check depends on nothing of the host. When corosync rejects a file we report at least
 * one error; when we report a syntax error corosync rejects it. Known disagreements carry a reason.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { lintCorosync } from '../../server/src/engine/lint';
import { ROOT } from '../support/paths';
import { freshDir } from './support';
import { corpusCases, mutationCases, runDifferential } from './differential';

const MUTATIONS: [string, (t: string) => string][] = [
  ['a sound corosync 3 file', (t) => t],
  ['token is not a number', (t) => t.replace('token: 10000', 'token: abc')],
  ['a missing closing brace', (t) => t.replace(/\}\s*\nquorum/, '\nquorum')],
  ['a duplicate nodeid', (t) => t.replace('nodeid: 2', 'nodeid: 1')],
  ['two_node is not a number', (t) => t.replace('provider: corosync_votequorum', 'provider: corosync_votequorum\n    two_node: yes')],
  ['a stray line', (t) => t.replace('cluster_name: openstack', 'cluster_name openstack')],
  ['udpu with crypto', (t) => t.replace('transport: knet', 'transport: udpu')],
  ['two nodes without two_node (valid for corosync, an HA error for us)', (t) => t.replace(/ {4}node \{\n {8}ring0_addr: 10\.0\.0\.14\n {8}nodeid: 3\n {4}\}\n/, '')],
  ['no votequorum provider (valid for corosync, a warning for us)', (t) => t.replace('    provider: corosync_votequorum\n', '')],
  ['a misspelt key (corosync ignores it; a warning for us)', (t) => t.replace('token: 10000', 'tokn: 10000')],
  ['a cipher corosync does not have', (t) => t.replace('crypto_cipher: aes256', 'crypto_cipher: aes257')],
  ['a hash corosync does not have', (t) => t.replace('crypto_hash: sha256', 'crypto_hash: sha257')],
];
const KNOWN: Record<string, string> = {
  'openstack__ha-guide__doc__ha-guide__includes__corosync.conf': 'the old guide\'s corosync 2 file (multicast interface blocks, no nodelist) does not start on corosync 3, whose default transport knet needs a nodelist; we warn (corosync-udpu-nodelist) rather than fail it, since the file cannot say which corosync it is for',
};

test('corosync -t agrees with our errors on a corosync 3 file and its mutations', (t) => {
  if (spawnSync('corosync', ['-v']).status !== 0) throw new Error('corosync is not installed (scripts/e2e/setup.sh installs it)');
  const dir = freshDir('corosync-oracle');
  // the key at the file's keyfile path and at corosync's default path (for files that name none, like the guide's)
  fs.mkdirSync(path.join(dir, 'etc'));
  const key = path.join(dir, 'etc', 'authkey');
  fs.writeFileSync(key, randomBytes(128), { mode: 0o400 });
  const base = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'corosync', 'corosync3.conf'), 'utf8').replace('KEYFILE', key);
  const file = path.join(dir, 'corosync.conf');
  runDifferential(t, {
    tool: 'corosync -t', cases: [...mutationCases(base, MUTATIONS), ...corpusCases('corosync', /corosync\.conf$/)], known: KNOWN,
    verdict(text) {
      fs.writeFileSync(file, text);
      const sandbox = `mount --bind ${path.join(dir, 'etc')} /etc/corosync && mount -t tmpfs tmpfs /var/log && mkdir -p /var/log/cluster && ip link add hab0 type bridge && ip link set hab0 up && ip addr add 10.0.0.12/24 dev hab0 && exec corosync -f -t -c ${file}`;
      const r = spawnSync('unshare', ['-n', '-m', 'sh', '-c', sandbox], { encoding: 'utf8', timeout: 30_000 });
      assert.ok(r.status !== null, `corosync -t did not finish: ${r.stderr}`);
      return { rejected: r.status !== 0, why: (r.stderr + r.stdout).split('\n').find((l) => /error/i.test(l))?.trim() };
    },
    ours: (text) => lintCorosync(text).findings,
  });
});
