/** OpenStack-Ansible's openstack_user_config.yml and conf.d/*.yml read with their places. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { mergeUserConfigs, parseUserConfig } from '../../server/src/engine/documents/osa/user-config';
import type { Span } from '../../server/src/engine/types';
import { ROOT } from '../support/paths';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'osa');
const read = (rel: string) => fs.readFileSync(path.join(FIXTURES, rel), 'utf8');
const at = (text: string, span: Span | undefined) => (span ? text.slice(span.start, span.end) : undefined);

const CONFIG = `---
cidr_networks:
  management: 172.29.236.0/22
  tunnel: "172.29.240.0/22"
used_ips:
  - "172.29.236.1,172.29.236.50"
  - 172.29.236.99
global_overrides:
  internal_lb_vip_address: 172.29.236.9
  external_lb_vip_address: openstack.example.com
  management_bridge: "br-mgmt"
  provider_networks:
    - network: {container_bridge: br-mgmt}
_infra: &infra
  infra1:
    ip: 172.29.236.11
  infra2: {ip: 172.29.236.12}
shared-infra_hosts: *infra
haproxy_hosts: *infra
compute_hosts:
  compute1:
    ip: 172.29.236.21
  compute2:
`;

test('networks, used_ips and global_overrides, each at the place it is written', () => {
  const c = parseUserConfig(CONFIG, 'openstack_user_config.yml');
  assert.deepEqual(c.problems, []);
  assert.equal(c.file, 'openstack_user_config.yml');
  const mgmt = c.cidrNetworks.get('management')!;
  assert.equal(mgmt.cidr, '172.29.236.0/22');
  assert.equal(at(CONFIG, mgmt.span), '172.29.236.0/22');
  assert.equal(mgmt.file, 'openstack_user_config.yml');
  assert.equal(at(CONFIG, c.cidrNetworks.get('tunnel')!.span), '"172.29.240.0/22"');
  assert.deepEqual(
    c.usedIps.map((u) => [u.from, u.to, at(CONFIG, u.span)]),
    [
      ['172.29.236.1', '172.29.236.50', '"172.29.236.1,172.29.236.50"'],
      ['172.29.236.99', '172.29.236.99', '172.29.236.99'],
    ],
  );
  const vip = c.globalOverrides.get('internal_lb_vip_address')!;
  assert.equal(vip.raw, '172.29.236.9');
  assert.equal(at(CONFIG, vip.keySpan), 'internal_lb_vip_address');
  assert.equal(at(CONFIG, vip.valueSpan), '172.29.236.9');
  assert.equal(c.globalOverrides.get('external_lb_vip_address')!.raw, 'openstack.example.com');
  assert.equal(at(CONFIG, c.globalOverrides.get('management_bridge')!.valueSpan), '"br-mgmt"');
  assert.equal(c.globalOverrides.get('provider_networks')!.raw, null, 'a list is kept, unknown');
});

test('groups: dashes normalised, `_` keys are anchor holders, aliases resolved to where the hosts are written', () => {
  const c = parseUserConfig(CONFIG, 'openstack_user_config.yml');
  assert.deepEqual([...c.groups.keys()], ['shared_infra_hosts', 'haproxy_hosts', 'compute_hosts']);
  const shared = c.groups.get('shared_infra_hosts')!;
  assert.equal(shared.name, 'shared-infra_hosts');
  assert.equal(at(CONFIG, shared.keySpan), 'shared-infra_hosts');
  const lb = c.groups.get('haproxy_hosts')!;
  assert.deepEqual(
    lb.hosts.map((h) => [h.name, h.ip, at(CONFIG, h.ipSpan)]),
    [
      ['infra1', '172.29.236.11', '172.29.236.11'],
      ['infra2', '172.29.236.12', '172.29.236.12'],
    ],
  );
  // the host's key is the anchored entry, under _infra, for both groups
  const anchored = CONFIG.indexOf('  infra1:') + 2;
  assert.equal(lb.hosts[0].keySpan.start, anchored);
  assert.equal(shared.hosts[0].keySpan.start, anchored);
  assert.equal(at(CONFIG, lb.hosts[1].keySpan), 'infra2');
  const compute = c.groups.get('compute_hosts')!;
  assert.deepEqual(
    compute.hosts.map((h) => [h.name, h.ip]),
    [
      ['compute1', '172.29.236.21'],
      ['compute2', undefined],
    ],
    'a host with no mapping is still a host, without an address',
  );
});

test('merge keys (<<: *a and <<: [*a, *b]) as the multi-AZ example writes them', () => {
  const text = `az1_hosts: &az1
  c1: {ip: 10.0.0.1}
az2_hosts: &az2
  c2: {ip: 10.0.0.2}
compute_hosts:
  <<: [*az1, *az2]
  c3: {ip: 10.0.0.3}
  c1: {ip: 10.0.0.9}
shared_infra_hosts:
  <<: *az2
`;
  const c = parseUserConfig(text, 'u.yml');
  assert.deepEqual(c.problems, []);
  const compute = c.groups.get('compute_hosts')!.hosts;
  assert.deepEqual(
    compute.map((h) => [h.name, h.ip]),
    [
      ['c3', '10.0.0.3'],
      ['c1', '10.0.0.9'],
      ['c2', '10.0.0.2'],
    ],
    'a key written in the mapping wins over the merged one',
  );
  assert.equal(compute[2].keySpan.start, text.indexOf('c2:'), 'a merged host is at its anchored entry');
  assert.deepEqual(
    c.groups.get('shared_infra_hosts')!.hosts.map((h) => h.name),
    ['c2'],
  );
});

test('conf.d merges into openstack_user_config.yml: groups host by host, in name order, whatever order given', () => {
  const main = parseUserConfig(
    `cidr_networks: {management: 10.0.0.0/24}
global_overrides: {internal_lb_vip_address: 10.0.0.9}
shared_infra_hosts:
  infra1: {ip: 10.0.0.11}
haproxy_hosts:
  infra1: {ip: 10.0.0.11}
`,
    'etc/openstack_deploy/openstack_user_config.yml',
  );
  const lbText = `load_balancer_hosts:
  infra1: {ip: 10.0.0.11}
haproxy_hosts:
  infra2:
    ip: 10.0.0.12
`;
  const a = parseUserConfig(lbText, 'etc/openstack_deploy/conf.d/a-haproxy.yml');
  const b = parseUserConfig(
    `global_overrides: {internal_lb_vip_address: 10.0.0.10}
haproxy_hosts:
  infra2: {ip: 10.0.0.22}
`,
    'etc/openstack_deploy/conf.d/b.yml',
  );
  const m = mergeUserConfigs([b, a, main]);
  assert.equal(m.file, 'etc/openstack_deploy/openstack_user_config.yml');
  assert.equal(m.globalOverrides.get('internal_lb_vip_address')!.raw, '10.0.0.10', 'the later file wins');
  assert.equal(m.globalOverrides.get('internal_lb_vip_address')!.file, 'etc/openstack_deploy/conf.d/b.yml');
  const ha = m.groups.get('haproxy_hosts')!;
  assert.equal(ha.file, 'etc/openstack_deploy/openstack_user_config.yml', 'the group is where it was first written');
  assert.deepEqual(
    ha.hosts.map((h) => [h.name, h.ip, h.file]),
    [
      ['infra1', '10.0.0.11', 'etc/openstack_deploy/openstack_user_config.yml'],
      ['infra2', '10.0.0.22', 'etc/openstack_deploy/conf.d/b.yml'],
    ],
  );
  assert.deepEqual(
    m.groups.get('load_balancer_hosts')!.hosts.map((h) => h.name),
    ['infra1'],
  );
  assert.equal(m.cidrNetworks.get('management')!.cidr, '10.0.0.0/24');
  const again = mergeUserConfigs([
    main,
    parseUserConfig('used_ips: ["10.0.0.1"]\n', 'conf.d/u.yml'),
    parseUserConfig('used_ips: ["10.0.0.2,10.0.0.3"]\n', 'conf.d/v.yml'),
  ]);
  assert.deepEqual(
    again.usedIps.map((u) => [u.from, u.to, u.file]),
    [['10.0.0.2', '10.0.0.3', 'conf.d/v.yml']],
    'a list is replaced by a later file, as merge_dict does',
  );
  // the parts are not changed by the merge
  assert.deepEqual(
    a.groups.get('haproxy_hosts')!.hosts.map((h) => h.ip),
    ['10.0.0.12'],
  );
  assert.equal(at(lbText, a.groups.get('haproxy_hosts')!.hosts[0].ipSpan), '10.0.0.12');
});

test('shared-infra_hosts and shared_infra_hosts in one file are one group', () => {
  const c = parseUserConfig('shared-infra_hosts:\n  a: {ip: 10.0.0.1}\nshared_infra_hosts:\n  b: {ip: 10.0.0.2}\n', 'u.yml');
  assert.deepEqual([...c.groups.keys()], ['shared_infra_hosts']);
  assert.deepEqual(
    c.groups.get('shared_infra_hosts')!.hosts.map((h) => h.name),
    ['a', 'b'],
  );
});

test('hostile shapes: never a throw, what has the wrong shape is skipped', () => {
  const shapes = [
    '',
    '# only a comment\n',
    '- a list\n- at the top\n',
    'just a scalar',
    'cidr_networks: [10.0.0.0/24]\nused_ips: {a: b}\nglobal_overrides: [1, 2]\n',
    'shared_infra_hosts: [infra1, infra2]\n',
    'shared_infra_hosts:\ncompute_hosts: 7\n',
    '1: 2\ntrue: false\nnull: x\n',
    'compute_hosts:\n  1: {ip: 10.0.0.1}\n  ? [a, b]\n  : {ip: 10.0.0.2}\n  c: [ip, 10.0.0.3]\n  d: {ip: [10.0.0.4]}\n  e: {ip: }\n',
    'used_ips: [null, 5, "a,b,c", {x: y}, "  "]\n',
    'a: &a\n  b: *a\n',
    'compute_hosts:\n  <<: *missing\n',
    'x_hosts: &h\n  <<: *h\n',
    'compute_hosts: {a: {ip: 1.2.3.4}\n',
    'global_overrides:\n  internal_lb_vip_address: !vault |\n    $ANSIBLE_VAULT;1.1;AES256\n    6162\n',
    '\u0000\u0001binary',
  ];
  for (const s of shapes) {
    const c = parseUserConfig(s, 'u.yml');
    assert.ok(c.groups instanceof Map, JSON.stringify(s));
  }
  const numbers = parseUserConfig(shapes[8], 'u.yml').groups.get('compute_hosts')!.hosts;
  assert.deepEqual(
    numbers.map((h) => [h.name, h.ip]),
    [
      ['1', '10.0.0.1'],
      ['c', undefined],
      ['d', undefined],
      ['e', undefined],
    ],
  );
  assert.deepEqual(
    parseUserConfig(shapes[9], 'u.yml').usedIps.map((u) => [u.from, u.to]),
    [['5', '5']],
  );
  const broken = parseUserConfig(shapes[13], 'u.yml');
  assert.ok(broken.problems.length > 0 && broken.problems.every((p) => p.rule === 'parse-error'));
  const vault = parseUserConfig(shapes[14], 'u.yml').globalOverrides.get('internal_lb_vip_address')!;
  assert.equal(vault.raw, null, 'a vault is never read');
  assert.deepEqual(mergeUserConfigs([]).groups.size, 0);
});

test("OpenStack-Ansible's shipped examples read without problems", () => {
  const files = [
    'upstream/openstack_user_config.yml.example',
    'upstream/openstack_user_config.yml.prod.example',
    'upstream/openstack_user_config.yml.az.example',
    'upstream/conf.d/haproxy.yml.example',
  ];
  for (const f of files) assert.deepEqual(parseUserConfig(read(f), f).problems, [], f);
  assert.equal(parseUserConfig(read(files[0]), files[0]).groups.size, 0, 'the reference example is all comments');
  const prodText = read(files[1]);
  const prod = parseUserConfig(prodText, files[1]);
  assert.equal(prod.cidrNetworks.get('management')!.cidr, '172.29.236.0/22');
  assert.equal(prod.usedIps.length, 4);
  assert.ok(prod.groups.has('load_balancer_hosts') && prod.groups.has('shared_infra_hosts'));
  const infra3 = prod.groups.get('load_balancer_hosts')!.hosts[2];
  assert.equal(at(prodText, infra3.keySpan), 'infra3');
  assert.equal(at(prodText, infra3.ipSpan), '172.29.236.13');
  const azText = read(files[2]);
  const az = parseUserConfig(azText, files[2]);
  assert.equal(az.cidrNetworks.get('public_api_vip')!.cidr, '203.0.113.0/28');
  assert.equal(az.globalOverrides.get('cidr_networks')!.raw, null);
  assert.deepEqual(
    az.groups.get('database_hosts')!.hosts.map((h) => [h.name, h.ip]),
    [
      ['infra1', '172.29.236.11'],
      ['infra2', '172.29.236.12'],
      ['infra3', '172.29.236.13'],
    ],
  );
  assert.equal(az.groups.get('compute_hosts')!.hosts.length, 8);
  assert.equal(at(azText, az.groups.get('mq_hosts')!.hosts[1].keySpan), 'infra2');
});
