import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintKeepalived } from '../../server/src/engine/lint';
import { keepalivedPeer } from '../../server/src/engine/languages/peers';
import { KEEPALIVED_SOUND as SOUND } from '../support/stack-files';

const at = (text: string, f: { span: { start: number; end: number } }) => text.slice(f.span.start, f.span.end);

test('keepalived-vrid-priority-sane: a VRID out of range, a duplicate VRID on one interface, a missing one', () => {
  const second = SOUND.slice(SOUND.indexOf('vrrp_instance'))
    .replace('vrrp_instance internal', 'vrrp_instance public')
    .replace('10.0.0.11/24', '203.0.113.11/24');
  const text =
    SOUND.replace('virtual_router_id 51', 'virtual_router_id 300') +
    '\n' +
    second +
    '\n' +
    second.replace('vrrp_instance public', 'vrrp_instance third').replace(/ {4}virtual_router_id 51\n/, '');
  assert.deepEqual(
    lintKeepalived(text)
      .findings.filter((x) => x.rule === 'keepalived-vrid-priority-sane')
      .map((x) => [x.severity, x.message]),
    [
      ['error', 'virtual_router_id 300 of vrrp_instance internal is outside 1-255'],
      ['error', 'vrrp_instance third has no virtual_router_id'],
    ],
  );
  const dup = SOUND + '\n' + second;
  assert.deepEqual(
    lintKeepalived(dup).findings.map((x) => x.message),
    ['vrrp_instance public uses virtual_router_id 51 on br-mgmt, like internal: one VRRP group, two instances'],
  );
});

test('keepalived-vrid-priority-sane across the nodes: the same VIP needs the same VRID and its own priority', () => {
  const peer = (file: string, text: string) => keepalivedPeer(file, text);
  const backup = SOUND.replace(/priority \d+/, 'priority 100').replace('state MASTER', 'state BACKUP');
  const fine = lintKeepalived(SOUND, undefined, { peers: [peer('../node2/keepalived.conf', backup)] }).findings;
  assert.deepEqual(fine, []);
  // node2 put the VIP in another VRID
  const other = lintKeepalived(SOUND, undefined, {
    peers: [peer('../node2/keepalived.conf', backup.replace('virtual_router_id 51', 'virtual_router_id 52'))],
  }).findings;
  assert.deepEqual(
    other.map((x) => [x.rule, x.severity, x.message, at(SOUND, x)]),
    [
      [
        'keepalived-vrid-priority-sane',
        'error',
        'VIP 10.0.0.11 is in virtual_router_id 51 here but 52 in ../node2/keepalived.conf (vrrp_instance internal): the nodes are in different VRRP groups, and each holds the VIP',
        '51',
      ],
    ],
  );
  // node2 has the same priority
  const prio = /priority (\d+)/.exec(SOUND)![1];
  const tie = lintKeepalived(SOUND, undefined, { peers: [peer('../node2/keepalived.conf', SOUND)] }).findings;
  assert.deepEqual(
    tie.map((x) => [x.severity, x.message, at(SOUND, x)]),
    [
      [
        'warning',
        `priority ${prio} is the same as vrrp_instance internal's in ../node2/keepalived.conf for VIP 10.0.0.11: the election then falls to the highest interface address; give each node its own priority`,
        prio,
      ],
    ],
  );
  // another instance of the workspace reuses the VRID for other VIPs
  const reuse = lintKeepalived(SOUND, undefined, {
    peers: [peer('../lb/keepalived.conf', backup.replace('10.0.0.11/24', '203.0.113.11/24'))],
  }).findings;
  assert.deepEqual(
    reuse.map((x) => x.message),
    [
      'virtual_router_id 51 is also used by vrrp_instance internal in ../lb/keepalived.conf for other VIPs (203.0.113.11): on one network segment they form one VRRP group',
    ],
  );
});
