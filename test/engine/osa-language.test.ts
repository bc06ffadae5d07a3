/** OpenStack-Ansible as a Language: recognition, the deployment read whole, the fixtures' findings, hostile input. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectKind } from '../../server/src/engine/languages';
import { lintFile } from '../../server/src/engine/lint';
import { analyseAll, checkWorkspace, findingLines, folderFiles } from '../support/workspace';
import { ROOT } from '../support/paths';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'osa');
const read = (rel: string) => fs.readFileSync(path.join(FIXTURES, rel), 'utf8');

const DEPLOY = '/w/openstack_deploy';
const folder = (dir: string, rename: Record<string, string> = {}) => folderFiles(path.join(FIXTURES, dir), DEPLOY, rename);
const findingsOf = (files: Map<string, string>) => findingLines(files, DEPLOY);

test('recognised by name and content: the user config, conf.d groups, user_variables; not a conf.d file of something else', () => {
  assert.equal(
    detectKind('/etc/openstack_deploy/openstack_user_config.yml', 'cidr_networks:\n  management: 10.0.0.0/24\n'),
    'openstack-ansible',
  );
  assert.equal(detectKind('/etc/openstack_deploy/openstack_user_config.yml', '---\n# nothing yet\n'), 'openstack-ansible');
  assert.equal(
    detectKind('/etc/openstack_deploy/conf.d/haproxy.yml', 'haproxy_hosts:\n  infra1:\n    ip: 10.0.0.1\n'),
    'openstack-ansible',
  );
  assert.equal(detectKind('/etc/openstack_deploy/user_variables.yml', 'haproxy_use_keepalived: true\n'), 'openstack-ansible');
  assert.equal(detectKind('/etc/openstack_deploy/user_variables_ha.yml', '---\n'), 'openstack-ansible');
  assert.notEqual(detectKind('/etc/datadog-agent/conf.d/http.yaml', 'init_config:\ninstances:\n  - url: x\n'), 'openstack-ansible');
  assert.notEqual(detectKind('/etc/openstack_deploy/openstack_user_config.yml.example', 'cidr_networks: {}\n'), 'openstack-ansible');
  assert.notEqual(detectKind('/srv/openstack_user_config.yml', 'apiVersion: openstack-ha/v1\nkind: Deployment\n'), 'openstack-ansible');
});

test("OpenStack-Ansible's own examples give no error", () => {
  const base = { 'openstack_user_config.yml.example': 'openstack_user_config.yml', 'conf.d/haproxy.yml.example': 'conf.d/haproxy.yml' };
  const cases: [string, Map<string, string>][] = [['example + conf.d/haproxy.yml', new Map()]];
  for (const [name, rename] of [
    [
      'prod',
      { 'openstack_user_config.yml.prod.example': 'openstack_user_config.yml', 'user_variables.yml.prod.example': 'user_variables.yml' },
    ],
    ['az', { 'openstack_user_config.yml.az.example': 'openstack_user_config.yml' }],
  ] as const) {
    const files = new Map<string, string>();
    for (const [from, to] of Object.entries(rename)) files.set(`/w/openstack_deploy/${to}`, read(`upstream/${from}`));
    cases.push([name, files]);
  }
  for (const [from, to] of Object.entries(base)) cases[0][1].set(`/w/openstack_deploy/${to}`, read(`upstream/${from}`));
  for (const [name, files] of cases) {
    const { ws, results } = analyseAll(files);
    for (const p of files.keys()) assert.equal(ws.kindOf(p), 'openstack-ansible', `${name}: ${p}`);
    const errors = [...results.values()].flatMap((r) => r.findings.filter((f) => f.severity === 'error'));
    assert.deepEqual(
      errors.map((f) => `${f.rule}: ${f.message}`),
      [],
      name,
    );
  }
});

test('single-lb-mistakes: each mistake once, in its file, on the line that says it', () => {
  assert.deepEqual(findingsOf(folder('single-lb-mistakes')), [
    "conf.d/haproxy.yml:3:1 error osa-single-load-balancer: haproxy_hosts has one host (infra1): OSA then leaves keepalived off (haproxy_use_keepalived: groups['haproxy'] | length > 1), so nothing moves the VIPs; internal_lb_vip_address is infra1's own address; when infra1 fails, every service behind HAProxy is unreachable. Add two more load balancer hosts",
    'openstack_user_config.yml:12:28 warning osa-vip-network: internal_lb_vip_address 172.29.236.11 is in none of cidr_networks (management 172.16.2.0/24, tunnel 172.16.3.0/24): the services reach the internal VIP over the management network, so it belongs in it (and in used_ips)',
    "openstack_user_config.yml:13:28 info osa-fqdn-vip-without-cidr: external_lb_vip_address is a name (cloud.example.org) and haproxy_keepalived_external_vip_cidr is not set: keepalived is off now, but once it runs (a second load balancer host) it will move the placeholder 169.254.1.1/24, not the name's address; set haproxy_keepalived_external_vip_cidr to that address and its prefix",
    "openstack_user_config.yml:18:9 warning osa-host-outside-management: infra1's ip 172.29.236.11 is outside the management network 172.16.2.0/24 (cidr_networks.management): OSA uses it as the host's management address, which the containers, HAProxy's backends and the internal VIP expect on that network",
    "openstack_user_config.yml:20:9 warning osa-host-outside-management: infra2's ip 172.29.236.12 is outside the management network 172.16.2.0/24 (cidr_networks.management): OSA uses it as the host's management address, which the containers, HAProxy's backends and the internal VIP expect on that network",
    "openstack_user_config.yml:22:9 warning osa-host-outside-management: infra3's ip 172.29.236.13 is outside the management network 172.16.2.0/24 (cidr_networks.management): OSA uses it as the host's management address, which the containers, HAProxy's backends and the internal VIP expect on that network",
    'openstack_user_config.yml:34:9 error osa-duplicate-host-ip: 172.29.236.12 is already infra2\'s ip: OSA\'s inventory generator refuses two hosts with one address ("Both host:infra2 and host:compute1 have address:172.29.236.12 assigned")',
    "openstack_user_config.yml:34:9 warning osa-host-outside-management: compute1's ip 172.29.236.12 is outside the management network 172.16.2.0/24 (cidr_networks.management): OSA uses it as the host's management address, which the containers, HAProxy's backends and the internal VIP expect on that network",
  ]);
});

test('three-infra, a sound layout, gives nothing', () => {
  assert.deepEqual(findingsOf(folder('three-infra')), []);
});

test('Galera and RabbitMQ sizes come from the topology rules, on the group that gives them', () => {
  checkWorkspace(
    `
  #- openstack_deploy/openstack_user_config.yml
  shared-infra_hosts:
  #^^^^^^^^^^^^^^^^^ error cluster-min-three-nodes: galera has 2 votes; a 1:1 split leaves neither side with the 2 needed for a Galera primary component (use at least 3)
    infra1:
      ip: 10.0.0.21
    infra2:
      ip: 10.0.0.22
  mq_hosts:
  #^^^^^^^ warning cluster-even-node-count: rabbitmq has 4 votes; a 2:2 split leaves no side with the 3 needed for a RabbitMQ majority
    infra3:
      ip: 10.0.0.23
    infra4:
      ip: 10.0.0.24
  haproxy_hosts:
    infra1:
      ip: 10.0.0.21
    infra2:
      ip: 10.0.0.22
    infra3:
      ip: 10.0.0.23
  `,
    { rules: ['cluster-min-three-nodes', 'cluster-even-node-count'] },
  );
});

test('user_variables.yml away from the user config joins the one deployment', () => {
  checkWorkspace(
    `
  #- deploy/openstack_user_config.yml
  global_overrides:
    internal_lb_vip_address: 172.29.236.9
    external_lb_vip_address: cloud.example.org
    #                        ^^^^^^^^^^^^^^^^^ warning osa-fqdn-vip-without-cidr
  haproxy_hosts:
    infra1:
      ip: 172.29.236.11
    infra2:
      ip: 172.29.236.12
  #- vars/user_variables.yml
  haproxy_keepalived_internal_vip_cidr: 172.29.236.9/32
  `,
    { rules: ['osa-fqdn-vip-without-cidr'] },
  );
});

test('hostile input never throws: a list at the top, wrong types everywhere, broken YAML', () => {
  const texts = [
    '- a\n- b\n',
    'cidr_networks: [1, 2]\nused_ips: {a: 1}\nglobal_overrides: [x]\nshared-infra_hosts: [a, b]\n',
    'shared-infra_hosts:\n  infra1: 7\n  infra2:\n    ip: [1]\n  3:\n    ip: 10.0.0.1\nhaproxy_hosts: null\n',
    'global_overrides:\n  internal_lb_vip_address: [1]\n  external_lb_vip_address: {a: b}\ncidr_networks:\n  management: 10.0.0.0/99\n',
    'shared-infra_hosts: &a\n  <<: *a\n  x:\n    ip: 10.0.0.1\n',
    ': : [ {\n',
    'cidr_networks:\n  management: "::/0"\nused_ips:\n  - "10.0.0.9,::1"\nglobal_overrides:\n  internal_lb_vip_address: "::1"\nhaproxy_hosts:\n  a: {ip: "::1"}\n  b: {ip: "::1"}\n',
  ];
  for (const t of texts)
    for (const name of ['openstack_user_config.yml', 'conf.d/x.yml', 'user_variables.yml']) {
      const files = new Map([
        [`/w/openstack_deploy/${name}`, t],
        ['/w/openstack_deploy/openstack_user_config.yml', name === 'openstack_user_config.yml' ? t : texts[1]],
      ]);
      assert.doesNotThrow(() => analyseAll(files), `${name}: ${t}`);
      const r = lintFile(`/w/openstack_deploy/${name}`, t);
      assert.ok(!r || !r.findings.some((f) => f.rule === 'internal-error'), `${name}: ${t}`);
    }
});
