/** OpenStack-Ansible's group_vars/ and host_vars/: recognised (not kolla's), read as the deployment's variables with their places. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectKind } from '../../server/src/engine/languages';
import { analyseAll, findingLines } from '../support/workspace';
import { ROOT } from '../support/paths';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'osa');
const read = (rel: string) => fs.readFileSync(path.join(FIXTURES, rel), 'utf8');

const findingsOf = (files: Map<string, string>) => findingLines(files, '/w/openstack_deploy');

test("OSA's multi-AZ example with its group_vars: keepalived's instances are the user's, no finding", () => {
  // the example has no load balancer hosts of its own: its controllers are, as OSA's AZ guide has them
  const haproxy = 'haproxy_hosts:\n  infra1:\n    ip: 172.29.236.11\n  infra2:\n    ip: 172.29.236.12\n  infra3:\n    ip: 172.29.236.13\n';
  const files = new Map([
    ['/w/openstack_deploy/openstack_user_config.yml', read('upstream/openstack_user_config.yml.az.example')],
    ['/w/openstack_deploy/conf.d/haproxy.yml', haproxy],
  ]);
  // without its group_vars, the names of its VIPs have no CIDR: what osa-fqdn-vip-without-cidr says
  assert.deepEqual(
    findingsOf(files).map((f) => f.replace(/: .*/, '')),
    [
      'openstack_user_config.yml:26:28 warning osa-fqdn-vip-without-cidr',
      'openstack_user_config.yml:27:28 warning osa-fqdn-vip-without-cidr',
    ],
  );
  files.set('/w/openstack_deploy/group_vars/haproxy/keepalived.yml', read('upstream/group_vars/haproxy/keepalived.yml.az.example'));
  const { ws } = analyseAll(files);
  for (const p of files.keys()) assert.equal(ws.kindOf(p), 'openstack-ansible', p);
  assert.deepEqual(findingsOf(files), []);
});

test("recognised both ways: in openstack_deploy or by OSA-only variables it is OSA's; by kolla-only variables elsewhere it is kolla's", () => {
  const osa = 'haproxy_keepalived_external_virtual_router_id: 40\n';
  assert.equal(detectKind('/etc/openstack_deploy/group_vars/haproxy/keepalived.yml', osa), 'openstack-ansible');
  assert.equal(detectKind('/etc/openstack_deploy/group_vars/all.yml', 'openstack_release: 2025.1\n'), 'openstack-ansible');
  assert.equal(detectKind('/etc/openstack_deploy/host_vars/infra1.yml', 'ansible_host: 10.0.0.1\n'), 'openstack-ansible');
  assert.equal(detectKind('/srv/osa/group_vars/haproxy.yml', 'haproxy_use_keepalived: true\n'), 'openstack-ansible');
  assert.equal(detectKind('/srv/osa/group_vars/galera_all.yml', 'galera_max_connections: 800\n'), 'openstack-ansible');
  assert.equal(
    detectKind('/srv/osa/group_vars/nova_compute.yml', 'nova_nova_conf_overrides:\n  DEFAULT:\n    debug: true\n'),
    'openstack-ansible',
  );
  // kolla's: a kolla-only variable outside openstack_deploy, even beside an OSA-looking one
  assert.equal(detectKind('/srv/kolla/group_vars/all.yml', 'kolla_internal_vip_address: 10.0.0.9\n'), 'kolla');
  assert.equal(detectKind('/srv/kolla/group_vars/all.yml', 'galera_x: 1\nenable_haproxy: "yes"\n'), 'kolla');
  // neither: a group_vars file of some other Ansible project
  assert.equal(detectKind('/srv/site/group_vars/web.yml', 'nginx_port: 80\n'), null);
  // not group_vars at all: an OSA variable in an unrelated YAML file is not OSA's
  assert.notEqual(detectKind('/srv/site/vars.yml', 'haproxy_use_keepalived: true\n'), 'openstack-ansible');
});

test('precedence: user_variables over group_vars, a group over all, group_vars over global_overrides; host_vars per host; with places', () => {
  const { results } = analyseAll(`
    #- openstack_deploy/openstack_user_config.yml
    global_overrides:
      internal_lb_vip_address: internal.example.org
      external_lb_vip_address: cloud.example.org
      haproxy_keepalived_internal_vip_cidr: 169.254.2.1/24
    haproxy_hosts:
      infra1:
        ip: 172.29.236.11
      infra2:
        ip: 172.29.236.12
    #- openstack_deploy/group_vars/all.yml
    haproxy_keepalived_internal_vip_cidr: 10.0.0.1/32
    haproxy_use_keepalived: false
    #- openstack_deploy/group_vars/haproxy/vips.yml
    haproxy_keepalived_internal_vip_cidr: 172.29.236.9/32
    #- openstack_deploy/host_vars/infra2.yml
    haproxy_keepalived_priority: 20
    #- openstack_deploy/user_variables.yml
    haproxy_use_keepalived: true
  `);
  const r = results.get('/w/openstack_deploy/openstack_user_config.yml')!;
  const d = r.osa!.deployment;
  const cidr = d.setting('haproxy_keepalived_internal_vip_cidr')!;
  assert.deepEqual(
    [cidr.raw, cidr.from, cidr.scope, cidr.file],
    ['172.29.236.9/32', 'group_vars', 'haproxy', '/w/openstack_deploy/group_vars/haproxy/vips.yml'],
  );
  const on = d.setting('haproxy_use_keepalived')!;
  assert.deepEqual([on.raw, on.from], [true, 'user_variables']);
  assert.deepEqual(d.value('haproxy_use_keepalived'), { known: true, value: true });
  const prio = d.hostVar('infra2', 'haproxy_keepalived_priority')!;
  assert.deepEqual([prio.raw, prio.from, prio.scope], [20, 'host_vars', 'infra2']);
  assert.equal(d.hostVar('infra1', 'haproxy_keepalived_priority'), undefined);
  assert.equal(d.setting('haproxy_keepalived_priority'), undefined);
  // the internal name has its CIDR (from group_vars); the external one has none: reported on its name only
  const fqdn = [...results.values()].flatMap((x) => x.findings.filter((f) => f.rule === 'osa-fqdn-vip-without-cidr'));
  assert.deepEqual(
    fqdn.map((f) => f.message.slice(0, 40)),
    ['external_lb_vip_address is a name (cloud'],
  );
});
