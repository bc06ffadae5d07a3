/** A kolla-ansible deployment read from its files: inventory groups, globals over kolla's defaults per release. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseIniInventory } from '../../server/src/engine/documents/ansible/ini-inventory';
import { parseGlobals } from '../../server/src/engine/documents/kolla/globals';
import { kollaDeployment } from '../../server/src/engine/documents/kolla/deployment';
import { ROOT } from '../support/paths';

const MULTINODE = parseIniInventory(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'kolla', 'multinode'), 'utf8'));
const GLOBALS = `---
openstack_release: "2025.1"
kolla_internal_vip_address: "10.0.0.250"
network_interface: "bond0"
enable_haproxy: "yes"
om_enable_rabbitmq_quorum_queues: "yes"
keystone_admin_password: !vault |
  $ANSIBLE_VAULT;1.1;AES256
  6162636465
`;
const known = (v: { known: boolean; value?: unknown }) => (v.known ? v.value : 'UNKNOWN');

test("the user's globals over kolla's defaults: references resolved, the place of what the user wrote", () => {
  const g = parseGlobals(GLOBALS, 'globals.yml');
  assert.deepEqual(g.problems, []);
  const d = kollaDeployment([MULTINODE], [g]);
  assert.equal(d.release, '2025.1');
  assert.equal(known(d.value('kolla_external_vip_address')), '10.0.0.250');
  assert.equal(d.setting('kolla_external_vip_address'), undefined);
  assert.equal(known(d.value('api_interface')), 'bond0');
  assert.equal(known(d.value('keepalived_virtual_router_id')), '51');
  assert.equal(known(d.value('enable_keepalived')), true);
  assert.equal(known(d.value('keystone_admin_password')), 'UNKNOWN');
  assert.equal(d.setting('keystone_admin_password')!.raw, null);
  const vip = d.setting('kolla_internal_vip_address')!;
  assert.equal(GLOBALS.slice(vip.keySpan.start, vip.keySpan.end), 'kolla_internal_vip_address');
  assert.equal(GLOBALS.slice(vip.valueSpan.start, vip.valueSpan.end), '"10.0.0.250"');
  assert.deepEqual(
    d.hosts('loadbalancer').map((h) => h.name),
    ['network01', 'network02'],
  );
  assert.deepEqual(
    d.hosts('mariadb').map((h) => h.name),
    ['control01', 'control02', 'control03'],
  );
});

test('globals.d overrides globals.yml; master or no release is the newest kolla known, with its typed defaults', () => {
  const base = parseGlobals('openstack_release: master\n', 'globals.yml');
  const extra = parseGlobals('keepalived_virtual_router_id: 77\n', 'globals.d/ha.yml');
  const d = kollaDeployment([MULTINODE], [base, extra]);
  assert.equal(d.release, '2026.1');
  assert.equal(known(d.value('keepalived_virtual_router_id')), 77);
  assert.equal(d.setting('keepalived_virtual_router_id')!.file, 'globals.d/ha.yml');
  assert.equal(known(d.value('enable_haproxy')), true);
  // kolla's own default when nobody sets it: kolla_internal_address | default(''), the empty string
  assert.equal(known(d.value('kolla_internal_vip_address')), '');
});

test('several inventories (-i twice) add up; broken YAML is a parse error and no variable', () => {
  const second = parseIniInventory('[control]\ncontrol04\n');
  const d = kollaDeployment([MULTINODE, second], []);
  assert.deepEqual(
    d.hosts('rabbitmq').map((h) => h.name),
    ['control01', 'control02', 'control03', 'control04'],
  );
  const broken = parseGlobals('kolla_internal_vip_address: [10.0.0.1\n', 'globals.yml');
  assert.equal(broken.problems[0].rule, 'parse-error');
  assert.equal(broken.vars.size, 0);
});
