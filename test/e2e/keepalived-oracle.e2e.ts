/**
 * keepalived -t is the ground truth for keepalived.conf. It runs in a private network namespace with
 * a bridge for each interface the file names (test/e2e/sandbox.ts), so the check does not depend on the host's NICs.
 * Exit 6 ("script security") is keepalived's warning that scripts run without enable_script_security:
 * the file is valid, so it counts as accepted.
 */
import { test } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { lintKeepalived } from '../../server/src/engine/lint';
import { ROOT } from '../support/paths';
import { JUDGES } from './sandbox';
import { mutationCases, runDifferential } from './differential';

const BASE = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'keepalived', 'keepalived.conf'), 'utf8');
const instance = BASE.slice(BASE.indexOf('vrrp_instance'));
const MUTATIONS: [string, (t: string) => string][] = [
  ['a sound file', (t) => t],
  ['a VRID out of range', (t) => t.replace('virtual_router_id 51', 'virtual_router_id 300')],
  [
    'a duplicate VRID on one interface',
    (t) => `${t}\n${instance.replace('vrrp_instance internal', 'vrrp_instance public').replace('10.0.0.11/24', '203.0.113.11/24')}`,
  ],
  ['a missing closing brace', (t) => t.replace(/\}\s*$/, '')],
  ['no VRID at all', (t) => t.replace('    virtual_router_id 51\n', '')],
  ['HAProxy not tracked (valid for keepalived, a warning for us)', (t) => t.replace(/ {4}track_script \{\n {8}chk_haproxy\n {4}\}\n/, '')],
  ['a misspelt keyword', (t) => t.replace('priority 101', 'prioriti 101')],
  ['a misspelt block', (t) => t.replace('track_script {', 'track_scrpt {')],
  ['a state in lower case', (t) => t.replace('state BACKUP', 'state backup')],
  ['a word where a number belongs', (t) => t.replace('interval 2', 'interval two')],
  ['a block keyword without its {', (t) => `vrrp_sync_group VG1\n    group {\n        internal\n    }\n}\n${t}`],
  ['the { of a block on the next line (valid)', (t) => t.replace('vrrp_instance internal {', 'vrrp_instance internal\n{')],
  ['a placeholder for the interface', (t) => t.replace('interface br-mgmt', 'interface <interface>')],
  ['a variable the file never defines', (t) => t.replace('interface br-mgmt', 'interface $INTERFACE_NAME')],
  ['a variable the file defines (valid)', (t) => `$IFACE=br-mgmt\n${t.replace('interface br-mgmt', 'interface $IFACE')}`],
  ['a keyword without its value', (t) => t.replace('state BACKUP', 'state #STATE#')],
  ['an instance keyword in global_defs', (t) => t.replace('global_defs {', 'global_defs {\n    garp_master_delay 3')],
];
const KNOWN: Record<string, string> = {
  'a missing closing brace':
    'keepalived notices the missing } where the file ends and names the last lines; we name the block that is left open, where the } belongs',
};

test('keepalived -t agrees with our errors on a sound file and its mutations', (t) => {
  if (spawnSync('keepalived', ['-v']).error) throw new Error('keepalived is not installed (scripts/e2e/setup.sh installs it)');
  runDifferential(t, {
    tool: 'keepalived -t',
    cases: mutationCases(BASE, MUTATIONS),
    known: KNOWN,
    verdict: JUDGES['keepalived -t']!,
    ours: (text) => lintKeepalived(text).findings,
  });
});
