/** What counts as a sample's placeholder (text/placeholder.ts): clear cases only, never a host name. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { placeholderOf } from '../../server/src/engine/text/placeholder';

test('placeholders: angle brackets, letters in a dotted address, capitalised names that say what they stand for', () => {
  for (const v of [
    '<Virtual IP>:443',
    '<NODE1_IP_ADDRESS>',
    '‹your_ip›',
    '192.168.1.22X',
    '10.0.0.x',
    'x.x.x.x',
    'CONTROLLER_IP',
    'CONTROLLER1_IP:9292',
    '0.0.0.0:OCTAVIA_PORT',
    '%RABBIT_HOST%',
    'MGMT_INTERFACE',
    'CHANGEME',
  ]) {
    assert.ok(placeholderOf(v), `${v} is a placeholder`);
  }
});

test('not placeholders: host names (in capitals too), addresses, interface names, shell and keepalived variables', () => {
  for (const v of [
    'ctl1',
    'CTL1',
    'controller-1.example.org',
    '10.0.0.11',
    '10.0.0.11:5000',
    'fd00::11',
    '[fd00::11]:443',
    'eth0',
    'br-mgmt',
    'bond0.101',
    '$VIP',
    '${VIP}',
    'NODE',
    '*:80',
    '',
  ]) {
    assert.equal(placeholderOf(v), undefined, `${v} is not a placeholder`);
  }
});
