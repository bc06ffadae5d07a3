/** The keepalived.conf rules: each fires, stays quiet on a sound file, and fixes as shown. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits } from '../../../server/src/engine/fixes';
import { lintKeepalived } from '../../../server/src/engine/lint';
import { deployment } from '../../support/topologies';
import { ROOT } from '../../support/paths';
import { keepalivedPeer } from '../../../server/src/engine/workspace/peers';

const SOUND = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'keepalived', 'keepalived.conf'), 'utf8');
const at = (text: string, f: { span: { start: number; end: number } }) => text.slice(f.span.start, f.span.end);

test('a sound file (script security, a tracked HAProxy, one VRID) has no finding', () => {
  assert.deepEqual(lintKeepalived(SOUND).findings, []);
});

test('keepalived-tracks-haproxy: an instance without track_script; the fix adds the script and the tracking', () => {
  const text = SOUND.replace(/ {4}track_script \{\n {8}chk_haproxy\n {4}\}\n/, '').replace(/vrrp_script chk_haproxy \{[^}]*\}\n\n/, '');
  // HAProxy is in play: the manifest runs it on the keepalived nodes
  const topology = deployment({ cluster: 'lb', manager: 'keepalived', services: 'haproxy: { on: lb }' });
  const f = lintKeepalived(text, undefined, { topology }).findings.filter((x) => x.rule === 'keepalived-tracks-haproxy');
  assert.deepEqual(f.map((x) => [x.rule, x.message, at(text, x)]), [['keepalived-tracks-haproxy', 'vrrp_instance internal holds 10.0.0.11 without tracking HAProxy: the VIP stays on a node whose HAProxy is down', 'vrrp_instance']]);
  const fixed = applyEdits(text, f[0].fixes[0].edits);
  assert.match(fixed, /vrrp_script chk_haproxy \{\n {4}script "\/usr\/bin\/killall -0 haproxy"\n {4}interval 2\n\}\n\nvrrp_instance internal \{/);
  assert.match(fixed, / {4}track_script \{\n {8}chk_haproxy\n {4}\}\n\}\n$/);
  assert.deepEqual(lintKeepalived(fixed, undefined, { topology }).findings.filter((x) => x.rule === 'keepalived-tracks-haproxy'), []);
  // a VIP for another service, with nothing that says HAProxy runs here, is not judged
  assert.deepEqual(lintKeepalived(text).findings.filter((x) => x.rule === 'keepalived-tracks-haproxy'), []);
});

test('keepalived-vrid-priority-sane: a VRID out of range, a duplicate VRID on one interface, a missing one', () => {
  const second = SOUND.slice(SOUND.indexOf('vrrp_instance')).replace('vrrp_instance internal', 'vrrp_instance public').replace('10.0.0.11/24', '203.0.113.11/24');
  const text = SOUND.replace('virtual_router_id 51', 'virtual_router_id 300') + '\n' + second + '\n' + second.replace('vrrp_instance public', 'vrrp_instance third').replace(/ {4}virtual_router_id 51\n/, '');
  assert.deepEqual(lintKeepalived(text).findings.filter((x) => x.rule === 'keepalived-vrid-priority-sane').map((x) => [x.severity, x.message]), [
    ['error', 'virtual_router_id 300 of vrrp_instance internal is outside 1-255'],
    ['error', 'vrrp_instance third has no virtual_router_id'],
  ]);
  const dup = SOUND + '\n' + second;
  assert.deepEqual(lintKeepalived(dup).findings.map((x) => x.message), ['vrrp_instance public uses virtual_router_id 51 on br-mgmt, like internal: one VRRP group, two instances']);
});

test('keepalived-partition-duplicate-vip: with a manifest whose VIP keepalived moves', () => {
  const topology = deployment({ cluster: 'lb', manager: 'keepalived' });
  const f = lintKeepalived(SOUND, undefined, { topology }).findings;
  assert.deepEqual(f.map((x) => [x.rule, x.severity, at(SOUND, x)]), [['keepalived-partition-duplicate-vip', 'info', '10.0.0.11/24']]);
  assert.match(f[0].message, /^VIP 'internal' \(10\.0\.0\.11\) is moved by keepalived \(cluster 'lb', 3 nodes, vrrp_instance internal\)/);
});

test('parse errors: an unclosed block, an unmatched quote', () => {
  assert.deepEqual(lintKeepalived('vrrp_instance x {\n  state MASTER\n').findings.filter((f) => f.rule === 'parse-error').map((f) => f.message), ["block 'vrrp_instance x' is not closed (missing })"]);
  assert.deepEqual(lintKeepalived('vrrp_script c {\n  script "pidof haproxy\n}\n').findings.filter((f) => f.rule === 'parse-error').map((f) => f.message), ['unmatched double quote']);
});

test('keepalived-vrid-priority-sane across the nodes: the same VIP needs the same VRID and its own priority', () => {
  const peer = (file: string, text: string) => keepalivedPeer(file, text);
  const backup = SOUND.replace(/priority \d+/, 'priority 100').replace('state MASTER', 'state BACKUP');
  const fine = lintKeepalived(SOUND, undefined, { peers: [peer('../node2/keepalived.conf', backup)] }).findings;
  assert.deepEqual(fine, []);
  // node2 put the VIP in another VRID
  const other = lintKeepalived(SOUND, undefined, { peers: [peer('../node2/keepalived.conf', backup.replace('virtual_router_id 51', 'virtual_router_id 52'))] }).findings;
  assert.deepEqual(other.map((x) => [x.rule, x.severity, x.message, at(SOUND, x)]), [['keepalived-vrid-priority-sane', 'error',
    'VIP 10.0.0.11 is in virtual_router_id 51 here but 52 in ../node2/keepalived.conf (vrrp_instance internal): the nodes are in different VRRP groups, and each holds the VIP', '51']]);
  // node2 has the same priority
  const prio = /priority (\d+)/.exec(SOUND)![1];
  const tie = lintKeepalived(SOUND, undefined, { peers: [peer('../node2/keepalived.conf', SOUND)] }).findings;
  assert.deepEqual(tie.map((x) => [x.severity, x.message, at(SOUND, x)]), [['warning',
    `priority ${prio} is the same as vrrp_instance internal's in ../node2/keepalived.conf for VIP 10.0.0.11: the election then falls to the highest interface address; give each node its own priority`, prio]]);
  // another instance of the workspace reuses the VRID for other VIPs
  const reuse = lintKeepalived(SOUND, undefined, { peers: [peer('../lb/keepalived.conf', backup.replace('10.0.0.11/24', '203.0.113.11/24'))] }).findings;
  assert.deepEqual(reuse.map((x) => x.message), ['virtual_router_id 51 is also used by vrrp_instance internal in ../lb/keepalived.conf for other VIPs (203.0.113.11): on one network segment they form one VRRP group']);
});

test('keepalived-unknown-keyword: misspelt keywords and blocks, a lower-case state, a word for a number; lists of addresses are not keywords', () => {
  const found = (text: string) => lintKeepalived(text).findings.filter((f) => f.rule === 'keepalived-unknown-keyword').map((f) => `${f.message} [${at(text, f)}]`);
  const text = SOUND.replace('priority 101', 'prioriti 101').replace('state BACKUP', 'state backup').replace('interval 2', 'interval two').replace('track_script {', 'track_scrpt {');
  assert.deepEqual(found(text), [
    "interval two: keepalived wants a number here and ignores the setting [two]",
    'state backup: keepalived takes MASTER or BACKUP, in capitals, and falls back to BACKUP [backup]',
    "keepalived does not know 'prioriti' (did you mean priority?): keepalived 2.2.7-1+b2 ignores it and keepalived -t rejects the file [prioriti]",
    "keepalived does not know 'track_scrpt' (did you mean track_script?): keepalived 2.2.7-1+b2 ignores it and keepalived -t rejects the file [track_scrpt]",
  ]);
  const fixed = lintKeepalived(text).findings.filter((f) => f.rule === 'keepalived-unknown-keyword' && f.fixes.length).reduce((t, f) => applyEdits(t, f.fixes[0].edits), text);
  assert.equal(fixed, SOUND.replace('interval 2', 'interval two'));
  // older names that no listed keyword resembles are left alone; addresses and names inside lists are not keywords
  assert.deepEqual(found(SOUND.replace('nopreempt', 'lvs_sync_daemon_interface br-mgmt').replace('chk_haproxy\n    }', 'chk_haprxy\n    }')), []);
});

test('a block\'s { may stand on the next line; a block keyword with no { at all is the parse error keepalived -t gives', () => {
  const nextLine = SOUND.replace('vrrp_instance internal {', 'vrrp_instance internal\n{');
  assert.deepEqual(lintKeepalived(nextLine).findings, []);
  // the Red Hat guide's vrrp_sync_group without its brace
  const text = 'vrrp_sync_group VG1\n   group {\n      internal\n   }\n}\n' + SOUND;
  assert.deepEqual(lintKeepalived(text).findings.filter((f) => f.rule === 'parse-error').map((f) => `${f.message} [${at(text, f)}]`), [
    "'vrrp_sync_group VG1' opens a block but no { follows it: keepalived reads the block's contents as unknown keywords (Missing '{' at beginning of configuration block) [vrrp_sync_group VG1]",
    'a } closes no block [}]',
  ]);
});

test('keepalived-auth-pass-truncated: a password over 8 characters, never shown', () => {
  const text = SOUND.replace(/vrrp_instance internal \{/, 'vrrp_instance internal {\n    authentication {\n        auth_type PASS\n        auth_pass averylongsecret\n    }');
  const f = lintKeepalived(text).findings;
  assert.deepEqual(f.map((x) => [x.rule, x.severity, x.message, at(text, x)]), [['keepalived-auth-pass-truncated', 'warning', 'auth_pass of vrrp_instance internal has 15 characters: keepalived uses only the first 8', 'averylongsecret']]);
  assert.deepEqual(lintKeepalived(text.replace('averylongsecret', 's3cr3tpw')).findings, []);
});

test('placeholder-value: interfaces and addresses left from a sample; keepalived variables are left alone', () => {
  const text = SOUND.replace('interface br-mgmt', 'interface <interface>').replace('10.0.0.11/24 dev br-mgmt', '10.0.0.X/24 dev MGMT_INTERFACE');
  assert.deepEqual(lintKeepalived(text).findings.map((x) => `${x.rule}: ${x.message} [${at(text, x)}]`), [
    "placeholder-value: interface '<interface>' is a placeholder left from a sample (text in angle brackets), not a real value: keepalived finds no such interface and the instance does not start [<interface>]",
    "placeholder-value: virtual_ipaddress entry '10.0.0.X/24' is a placeholder left from a sample (an address with letters where digits belong), not a real value: keepalived refuses the address [10.0.0.X/24]",
    "placeholder-value: dev 'MGMT_INTERFACE' is a placeholder left from a sample (a name in capitals that stands for a value), not a real value: keepalived finds no such interface and the instance does not start [MGMT_INTERFACE]",
  ]);
  assert.deepEqual(lintKeepalived(`$IFACE=br-mgmt\n${SOUND.replace('interface br-mgmt', 'interface $IFACE')}`).findings, []);
});

test('keepalived-unknown-keyword: an instance keyword in global_defs, a keyword left without its value', () => {
  const text = 'global_defs {\n    router_id lb1\n    garp_master_delay 3\n}\n' + SOUND.replace('state BACKUP', 'state #STATE#');
  assert.deepEqual(lintKeepalived(text).findings.map((x) => `${x.rule}: ${x.message} [${at(text, x)}]`), [
    "keepalived-unknown-keyword: 'garp_master_delay' is a keyword of another block, not of global_defs (which has vrrp_garp_master_delay): keepalived -t rejects it (Unknown keyword) [garp_master_delay]",
    'keepalived-unknown-keyword: state has no value: keepalived -t rejects the line (missing a parameter after keyword) [state]',
  ]);
});

test('placeholder-value: a $VARIABLE keepalived never gets a value for; one the file defines is fine', () => {
  const text = SOUND.replace('interface br-mgmt', 'interface $INTERFACE_NAME');
  assert.deepEqual(lintKeepalived(text).findings.map((x) => `${x.rule}: ${x.message}`), [
    "placeholder-value: interface '$INTERFACE_NAME' uses $INTERFACE_NAME, which this file never defines ($INTERFACE_NAME=value): keepalived takes it as it is, and keepalived finds no such interface and the instance does not start",
  ]);
  assert.deepEqual(lintKeepalived(`$INTERFACE_NAME=br-mgmt\n${text}`).findings, []);
});
