/** An OpenStack-Ansible deployment from its files: variables over OSA's defaults, group fallbacks, the model. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseGlobals } from '../../server/src/engine/documents/kolla/globals';
import { osaDeployment } from '../../server/src/engine/documents/osa/deployment';
import { parseUserConfig } from '../../server/src/engine/documents/osa/user-config';
import type { Span } from '../../server/src/engine/types';
import { ROOT } from '../support/paths';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'osa');
const read = (rel: string) => fs.readFileSync(path.join(FIXTURES, rel), 'utf8');
const at = (text: string, span: Span | undefined) => (span ? text.slice(span.start, span.end) : undefined);
const known = (v: { known: boolean; value?: unknown }) => (v.known ? v.value : 'UNKNOWN');

/** A fixture directory read as OSA reads /etc/openstack_deploy (the conf.d files given first, to show order does not matter). */
function load(dir: string, confd: string[], variables: string[]) {
  const configs = [...confd.map((f) => `${dir}/conf.d/${f}`), `${dir}/openstack_user_config.yml`].map((f) => parseUserConfig(read(f), f));
  const vars = variables.map((f) => parseGlobals(read(`${dir}/${f}`), `${dir}/${f}`));
  return osaDeployment(configs, vars);
}

test("values: user_variables over global_overrides over OSA's defaults, references resolved", () => {
  const d = load('three-infra', ['haproxy.yml'], ['user_variables.yml']);
  assert.equal(d.release, '2025.2');
  assert.equal(known(d.value('haproxy_keepalived_internal_virtual_router_id')), 11);
  assert.equal(known(d.value('haproxy_keepalived_external_virtual_router_id')), 10);
  assert.equal(known(d.value('galera_address')), '10.20.0.9', 'a default referring to a global override');
  assert.equal(known(d.value('haproxy_keepalived_external_vip_cidr')), '203.0.113.9/24', 'a user template joined');
  assert.equal(known(d.value('haproxy_keepalived_external_interface')), 'UNKNOWN', 'ternary over facts cannot be known');
  assert.equal(known(d.value('haproxy_keepalived_internal_interface')), 'br-mgmt');
  assert.equal(known(d.value('haproxy_use_keepalived')), true, 'three load balancers');
  assert.equal(known(d.value('oslomsg_rabbit_quorum_queues')), true);
  assert.equal(known(d.value('no_such_variable')), 'UNKNOWN');
  const s = d.setting('internal_lb_vip_address')!;
  assert.equal(s.from, 'global_overrides');
  assert.equal(at(read('three-infra/openstack_user_config.yml'), s.valueSpan), '10.20.0.9');
  assert.equal(d.setting('haproxy_keepalived_internal_vip_cidr')!.from, 'user_variables');
  assert.equal(d.setting('haproxy_keepalived_internal_virtual_router_id'), undefined, "a default has no place in the user's files");
});

test('groups as OSA fills them: Galera, RabbitMQ and memcached on shared_infra_hosts and their own group; load_balancer with haproxy', () => {
  const d = load('three-infra', ['haproxy.yml'], []);
  const names = (g: string) => d.groupHosts(g).map((h) => h.name);
  for (const g of ['galera', 'database_hosts', 'rabbitmq', 'mq', 'memcached', 'shared-infra', 'shared_infra_hosts'])
    assert.deepEqual(names(g), ['infra1', 'infra2', 'infra3'], g);
  assert.deepEqual(names('haproxy'), ['infra1', 'infra2', 'infra3']);
  assert.deepEqual(names('load_balancer_hosts'), ['infra1', 'infra2', 'infra3']);
  assert.deepEqual(names('network'), ['net1']);
  assert.deepEqual(names('nothing_hosts'), []);
  assert.equal(d.group('galera')!.name, 'shared-infra_hosts');
  assert.equal(d.group('haproxy')!.file, 'three-infra/conf.d/haproxy.yml');
  assert.equal(d.managementCidr()!.cidr, '10.20.0.0/22', "the older 'container' name");

  const split = osaDeployment(
    [
      parseUserConfig(
        `cidr_networks: {container: 10.1.0.0/24, management: 10.0.0.0/24}
shared_infra_hosts: {a: {ip: 10.0.0.1}, b: {ip: 10.0.0.2}, c: {ip: 10.0.0.3}}
database_hosts: {d: {ip: 10.0.0.4}}
mq_hosts: {}
load_balancer_hosts: {lb1: {ip: 10.0.0.10}}
haproxy_hosts: {lb2: {ip: 10.0.0.11}, lb1: {ip: 10.0.0.10}}
`,
        'openstack_user_config.yml',
      ),
    ],
    [],
  );
  // env.d puts galera_container in database_containers and shared-infra_containers: both groups' hosts
  assert.deepEqual(
    split.groupHosts('galera').map((h) => h.name),
    ['d', 'a', 'b', 'c'],
  );
  assert.equal(split.group('galera')!.name, 'database_hosts', 'the place is the group the user split out');
  assert.deepEqual(
    split.groupHosts('rabbitmq').map((h) => h.name),
    ['a', 'b', 'c'],
    'an empty mq_hosts adds nothing',
  );
  assert.equal(split.group('rabbitmq')!.name, 'shared_infra_hosts');
  assert.deepEqual(
    split.groupHosts('haproxy').map((h) => h.name),
    ['lb1', 'lb2'],
    'load_balancer_hosts with haproxy_hosts, each host once',
  );
  assert.equal(split.group('haproxy')!.name, 'load_balancer_hosts');
  const emptyLb = osaDeployment([parseUserConfig('load_balancer_hosts: {}\nhaproxy_hosts: {lb: {ip: 10.0.0.1}}\n', 'u.yml')], []);
  assert.equal(emptyLb.group('load_balancer')!.name, 'haproxy_hosts', 'the group that has the hosts');
  assert.equal(split.managementCidr()!.cidr, '10.0.0.0/24', "'management' first");
});

test('the model of a sound three-infra layout', () => {
  const d = load('three-infra', ['haproxy.yml'], ['user_variables.yml']);
  const m = d.toModel('three-infra');
  const config = read('three-infra/openstack_user_config.yml');
  assert.equal(m.tool, 'OpenStack-Ansible');
  assert.equal(m.name, 'three-infra');
  assert.deepEqual(
    m.nodes.map((n) => [n.name, n.address, n.roles.join(',')]),
    [
      ['infra1', '10.20.0.11', 'controller,database,messaging,loadbalancer'],
      ['infra2', '10.20.0.12', 'controller,database,messaging,loadbalancer'],
      ['infra3', '10.20.0.13', 'controller,database,messaging,loadbalancer'],
      ['net1', '10.20.0.21', 'network'],
      ['compute1', '10.20.0.31', 'compute'],
      ['compute2', '10.20.0.32', 'compute'],
      ['storage1', '10.20.0.41', 'storage'],
    ],
  );
  const infra1 = m.nodes[0].place!;
  assert.equal(infra1.file, 'three-infra/openstack_user_config.yml');
  assert.equal(infra1.span.start, config.indexOf('  infra1:') + 2, 'the anchored entry');
  assert.deepEqual(m.clusters, [
    {
      name: 'loadbalancer',
      manager: 'keepalived',
      members: ['infra1', 'infra2', 'infra3'],
      place: m.clusters[0].place,
      // OSA's haproxy_server role: (3 - index) x 50, no nopreempt
      priorities: [
        { node: 'infra1', value: 150 },
        { node: 'infra2', value: 100 },
        { node: 'infra3', value: 50 },
      ],
    },
  ]);
  assert.equal(m.clusters[0].place!.file, 'three-infra/conf.d/haproxy.yml');
  assert.equal(at(read('three-infra/conf.d/haproxy.yml'), m.clusters[0].place!.span), 'haproxy_hosts');
  assert.deepEqual(
    m.vips.map((v) => [v.name, v.address, v.cidr, v.cluster]),
    [
      ['internal', '10.20.0.9', 22, 'loadbalancer'],
      ['external', '203.0.113.9', 24, 'loadbalancer'],
    ],
  );
  assert.equal(at(config, m.vips[1].place!.span), '203.0.113.9');
  assert.deepEqual(
    m.services.map((s) => [s.name, s.on, s.mode, s.vip, s.vips]),
    [
      ['galera', ['infra1', 'infra2', 'infra3'], 'clustered', 'internal', undefined],
      ['rabbitmq', ['infra1', 'infra2', 'infra3'], 'clustered', undefined, undefined],
      ['memcached', ['infra1', 'infra2', 'infra3'], 'client-side', undefined, undefined],
      ['haproxy', ['infra1', 'infra2', 'infra3'], undefined, undefined, ['internal', 'external']],
    ],
  );
  assert.equal(at(config, m.services[0].place!.span), 'shared-infra_hosts');
  // quorum queues: OSA's default (oslomsg_rabbit_quorum_queues follows rabbitmq_queue_replication, true), so no place; no version
  const rabbit = m.services[1];
  assert.deepEqual([rabbit.quorumQueues, rabbit.places, rabbit.version, rabbit.partitionHandling], [true, undefined, undefined, undefined]);
});

test("the mistakes fixture: one LB on the VIP's address, keepalived off, an FQDN external VIP is no model VIP", () => {
  const d = load('single-lb-mistakes', ['haproxy.yml'], ['user_variables.yml']);
  const m = d.toModel();
  const lbText = read('single-lb-mistakes/conf.d/haproxy.yml');
  assert.equal(known(d.value('haproxy_use_keepalived')), false);
  assert.equal(known(d.value('haproxy_bind_on_non_local')), false);
  assert.deepEqual(
    m.clusters.map((c) => [c.name, c.manager, c.members]),
    [['loadbalancer', 'none', ['infra1']]],
  );
  const lb = d.groupHosts('load_balancer')[0];
  assert.equal(lb.ip, known(d.value('internal_lb_vip_address')));
  assert.equal(at(lbText, lb.ipSpan), '172.29.236.11');
  assert.equal(lb.file, 'single-lb-mistakes/conf.d/haproxy.yml');
  assert.deepEqual(
    m.vips.map((v) => [v.name, v.address, v.cidr]),
    [['internal', '172.29.236.11', 32]],
  );
  assert.equal(known(d.value('external_lb_vip_address')), 'cloud.example.org');
  assert.equal(d.setting('haproxy_keepalived_external_vip_cidr'), undefined);
  assert.equal(known(d.value('haproxy_keepalived_external_vip_cidr')), '169.254.1.1/24', 'the placeholder stands');
  assert.equal(d.managementCidr()!.cidr, '172.16.2.0/24');
  const addresses = m.nodes.map((n) => n.address);
  assert.ok(
    addresses.every((a) => a!.startsWith('172.29.236.')),
    'every host outside the management network',
  );
  assert.deepEqual(
    m.nodes.filter((n) => n.address === '172.29.236.12').map((n) => n.name),
    ['infra2', 'compute1'],
  );
  assert.deepEqual(m.services.find((s) => s.name === 'haproxy')!.vips, ['internal']);
});

test("OpenStack-Ansible's shipped prod example with conf.d/haproxy.yml and user_variables: a sensible model", () => {
  const configs = [
    parseUserConfig(read('upstream/openstack_user_config.yml.prod.example'), 'openstack_user_config.yml'),
    parseUserConfig(read('upstream/conf.d/haproxy.yml.example'), 'conf.d/haproxy.yml'),
  ];
  const vars = [parseGlobals(read('upstream/user_variables.yml.prod.example'), 'user_variables.yml')];
  assert.deepEqual(vars[0].problems, []);
  const d = osaDeployment(configs, vars);
  const m = d.toModel();
  // infra1-3, the OVN gateways net1-3, compute1-2: every host once
  assert.deepEqual(
    m.nodes.map((n) => n.name),
    ['infra1', 'infra2', 'infra3', 'net1', 'net2', 'net3', 'compute1', 'compute2'],
  );
  // the conf.d example's hosts (172.20.236.x) are merged host by host: their later ip wins
  assert.deepEqual(
    d.groupHosts('load_balancer').map((h) => [h.name, h.ip]),
    [
      ['infra1', '172.20.236.110'],
      ['infra2', '172.20.236.111'],
      ['infra3', '172.29.236.13'],
    ],
  );
  assert.deepEqual(
    m.clusters.map((c) => [c.manager, c.members.length]),
    [['keepalived', 3]],
  );
  assert.deepEqual(
    m.vips.map((v) => [v.name, v.address, v.cidr]),
    [['internal', '172.29.236.9', 32]],
    'the external VIP is an FQDN; its CIDR is still a placeholder',
  );
  assert.equal(m.nodes.find((n) => n.name === 'compute1')!.roles.join(), 'compute');
  assert.equal(m.nodes.find((n) => n.name === 'net1')!.roles.join(), 'network', 'an OVN gateway');
  assert.equal(
    m.nodes.find((n) => n.name === 'infra1')!.roles.join(),
    'controller,storage,database,messaging,loadbalancer',
    'cinder-volume on the infra hosts',
  );
  assert.deepEqual(
    m.services.map((s) => s.name),
    ['galera', 'rabbitmq', 'memcached', 'haproxy'],
  );
});

test("OpenStack-Ansible's multi-AZ example: anchors and merge keys give each host once, no load balancer group", () => {
  const d = osaDeployment(
    [parseUserConfig(read('upstream/openstack_user_config.yml.az.example'), 'openstack_user_config.yml')],
    [parseGlobals(read('upstream/group_vars/haproxy/keepalived.yml.az.example'), 'group_vars/haproxy/keepalived.yml')],
  );
  const m = d.toModel();
  assert.equal(m.nodes.length, 3 + 8 + 9);
  assert.deepEqual(m.clusters, []);
  assert.deepEqual(m.vips, [], 'both VIPs are FQDNs');
  assert.deepEqual(
    d.groupHosts('galera').map((h) => h.name),
    ['infra1', 'infra2', 'infra3'],
  );
  assert.equal(
    m.services.find((s) => s.name === 'haproxy'),
    undefined,
  );
  assert.equal(m.nodes.find((n) => n.name === 'az1_ceph2')!.roles.join(), 'storage');
  assert.equal(known(d.value('haproxy_keepalived_internal_interface')), 'UNKNOWN');
});

test('user_variables win over global_overrides; several user_variables files, the later wins', () => {
  const config = parseUserConfig(
    'global_overrides:\n  internal_lb_vip_address: 10.0.0.9\nhaproxy_hosts: {a: {ip: 10.0.0.1}, b: {ip: 10.0.0.2}}\n',
    'u.yml',
  );
  const later = 'internal_lb_vip_address: "10.0.0.99"\nhaproxy_use_keepalived: false\n';
  const d = osaDeployment(
    [config],
    [parseGlobals('internal_lb_vip_address: 10.0.0.50\n', 'user_variables.yml'), parseGlobals(later, 'user_variables_z.yml')],
  );
  assert.equal(known(d.value('internal_lb_vip_address')), '10.0.0.99');
  const s = d.setting('internal_lb_vip_address')!;
  assert.deepEqual([s.from, s.file, at(later, s.valueSpan)], ['user_variables', 'user_variables_z.yml', '"10.0.0.99"']);
  const m = d.toModel();
  assert.equal(m.clusters[0].manager, 'none', 'keepalived turned off by the user, two hosts or not');
  assert.deepEqual(m.vips[0].place, { file: 'user_variables_z.yml', span: s.valueSpan });
});

test('hostile input: nothing, wrong types, never a throw', () => {
  const empty = osaDeployment([], []);
  assert.deepEqual(empty.toModel().nodes, []);
  assert.equal(empty.managementCidr(), undefined);
  const odd = osaDeployment(
    [parseUserConfig('global_overrides: {internal_lb_vip_address: [1], external_lb_vip_address: 7}\nx_hosts: 3\n', 'u.yml')],
    [parseGlobals('- not a map\n', 'v.yml')],
  );
  const m = odd.toModel();
  assert.deepEqual(m.vips, []);
  assert.equal(known(odd.value('internal_lb_vip_address')), 'UNKNOWN');
  const loop = osaDeployment(
    [parseUserConfig('global_overrides: {internal_lb_vip_address: "{{ a }}"}\n', 'u.yml')],
    [parseGlobals('a: "{{ b }}"\nb: "{{ a }}"\n', 'v.yml')],
  );
  assert.equal(known(loop.value('internal_lb_vip_address')), 'UNKNOWN');
  assert.deepEqual(loop.toModel().vips, []);
});
