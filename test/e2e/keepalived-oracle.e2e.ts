/**
 * keepalived -t is the ground truth for keepalived.conf. It runs in a private network namespace with
 * a bridge named like the file's interface, so the check does not depend on the host's NICs.
 * Exit 6 ("script security") is keepalived's warning that scripts run without enable_script_security:
 * the file is valid, so it counts as accepted.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { lintKeepalived } from '../../server/src/engine/lint';
import { ROOT } from '../support/paths';
import { freshDir } from './support';
import { mutationCases, runDifferential } from './differential';

const BASE = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'keepalived', 'keepalived.conf'), 'utf8');
const instance = BASE.slice(BASE.indexOf('vrrp_instance'));
const MUTATIONS: [string, (t: string) => string][] = [
  ['a sound file', (t) => t],
  ['a VRID out of range', (t) => t.replace('virtual_router_id 51', 'virtual_router_id 300')],
  ['a duplicate VRID on one interface', (t) => `${t}\n${instance.replace('vrrp_instance internal', 'vrrp_instance public').replace('10.0.0.11/24', '203.0.113.11/24')}`],
  ['a missing closing brace', (t) => t.replace(/\}\s*$/, '')],
  ['no VRID at all', (t) => t.replace('    virtual_router_id 51\n', '')],
  ['HAProxy not tracked (valid for keepalived, a warning for us)', (t) => t.replace(/ {4}track_script \{\n {8}chk_haproxy\n {4}\}\n/, '')],
  ['a misspelt keyword', (t) => t.replace('priority 101', 'prioriti 101')],
  ['a misspelt block', (t) => t.replace('track_script {', 'track_scrpt {')],
  ['a state in lower case', (t) => t.replace('state BACKUP', 'state backup')],
  ['a word where a number belongs', (t) => t.replace('interval 2', 'interval two')],
];
const KNOWN: Record<string, string> = {
  // none today
};

test('keepalived -t agrees with our errors on a sound file and its mutations', (t) => {
  if (spawnSync('keepalived', ['-v']).error) throw new Error('keepalived is not installed (scripts/e2e/setup.sh installs it)');
  const file = path.join(freshDir('keepalived-oracle'), 'keepalived.conf');
  runDifferential(t, {
    tool: 'keepalived -t', cases: mutationCases(BASE, MUTATIONS), known: KNOWN,
    verdict(text) {
      fs.writeFileSync(file, text);
      const r = spawnSync('unshare', ['-n', 'sh', '-c', `ip link add br-mgmt type bridge && ip link set br-mgmt up && exec keepalived -t -f ${file}`], { encoding: 'utf8', timeout: 30_000 });
      assert.ok(r.status !== null, `keepalived -t did not finish: ${r.stderr}`);
      return { rejected: r.status !== 0 && r.status !== 6, why: `exit ${r.status}` };
    },
    ours: (text) => lintKeepalived(text).findings,
  });
});
