/** kolla-ansible's service overrides (node_custom_config, `config/` beside globals.yml): recognised as service configs, grouped with their deployment. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { Workspace } from '../../server/src/engine/workspace/workspace';
import { confKind } from '../../server/src/engine/documents/oslo-conf/recognise';
import { catalogFor } from '../../server/src/engine/knowledge/options/catalog';
import { analyseAll } from '../support/workspace';

test("kolla's override layouts get their service's catalogue: <service>.conf, <service>/<container>.conf, <service>/<host>/<file>", () => {
  assert.equal(confKind('/etc/kolla/config/nova.conf', ''), 'nova.conf');
  assert.equal(confKind('/etc/kolla/config/nova/nova-scheduler.conf', ''), 'nova.conf');
  assert.equal(confKind('/etc/kolla/config/nova/nova-api.conf', ''), 'nova.conf');
  assert.equal(confKind('/srv/kolla/config/nova/nova-compute-ironic.conf', ''), 'nova.conf');
  assert.equal(confKind('/srv/kolla/config/nova/compute01/nova.conf', ''), 'nova.conf');
  assert.equal(confKind('/srv/kolla/config/neutron/neutron-server.conf', ''), 'neutron.conf');
  assert.equal(confKind('/srv/kolla/config/neutron/ml2_conf.ini', ''), 'ml2_conf.ini');
  assert.equal(confKind('/srv/kolla/config/neutron/network01/openvswitch_agent.ini', ''), 'openvswitch_agent.ini');
  assert.equal(confKind('/srv/kolla/config/cinder/cinder-volume.conf', ''), 'cinder.conf');
  assert.equal(confKind('/srv/kolla/config/glance/glance-api.conf', ''), 'glance-api.conf');
  assert.equal(confKind('/srv/kolla/config/heat/heat-engine.conf', ''), 'heat.conf');
  // not service configs: a paste pipeline, a Ceph file beside nova's overrides, a name outside its service's folder
  assert.equal(confKind('/srv/kolla/config/keystone/keystone-paste.ini', ''), undefined);
  assert.equal(confKind('/srv/kolla/config/nova/ceph.conf', ''), undefined);
  assert.equal(confKind('/srv/kolla/config/nova-scheduler-notes.conf', ''), undefined);
});

function kollaWorkspace(root: string, overrides: string[]): Workspace {
  const ws = new Workspace();
  ws.setFile(`${root}/globals.yml`, 'kolla_internal_vip_address: "10.0.0.250"\n');
  ws.setFile(`${root}/multinode`, '[control]\ncontrol01\n\n[mariadb:children]\ncontrol\n');
  for (const p of overrides) ws.setFile(`${root}/${p}`, '[oslo_messaging_rabbit]\nrabbit_quorum_queue = true\n');
  return ws;
}

const kollaPeers = (ws: Workspace, path: string) =>
  ws
    .contextFor(path)
    .peers.filter((p) => p.kind === 'kolla')
    .map((p) => p.path)
    .sort();

test('every override under config/ beside globals.yml is a file of that kolla deployment, however deep', () => {
  const files = ['config/nova.conf', 'config/nova/nova-api.conf', 'config/nova/compute01/nova.conf', 'config/neutron/ml2_conf.ini'];
  for (const root of ['/repo', '/etc/kolla']) {
    const ws = kollaWorkspace(root, files);
    for (const f of files) {
      assert.equal(ws.kindOf(`${root}/${f}`), 'oslo-conf', f);
      assert.deepEqual(kollaPeers(ws, `${root}/${f}`), [`${root}/globals.yml`, `${root}/multinode`], `${root}/${f}`);
    }
    // and the kolla files see the overrides: a change to one re-checks them
    assert.ok(ws.dependents(`${root}/config/nova/nova-api.conf`).includes(`${root}/globals.yml`));
  }
});

test('a config/ folder that is not beside a kolla deployment joins nothing', () => {
  const ws = new Workspace();
  ws.setFile('/repo/kolla/globals.yml', 'kolla_internal_vip_address: "10.0.0.250"\n');
  ws.setFile('/repo/other/config/nova/nova-api.conf', '[DEFAULT]\ndebug = true\n');
  assert.deepEqual(kollaPeers(ws, '/repo/other/config/nova/nova-api.conf'), []);
});

const DEPLOYMENT = `
#- globals.yml
kolla_internal_vip_address: "10.0.0.250"
#- multinode
[control]
control01
control02
control03

[network:children]
control

[compute]
compute01

[mariadb:children]
control

[rabbitmq:children]
control

[memcached:children]
control

[loadbalancer:children]
network
`;

test('typical overrides are partial files: a few options, no [database] connection, no transport_url; no rule finds anything wrong in them', () => {
  const { results } = analyseAll(`${DEPLOYMENT}
#- config/nova.conf
[DEFAULT]
cpu_allocation_ratio = 4.0
ram_allocation_ratio = 1.0

[libvirt]
cpu_mode = host-passthrough

[oslo_messaging_rabbit]
heartbeat_timeout_threshold = 30

[database]
max_pool_size = 10
#- config/nova/compute01/nova.conf
[libvirt]
images_type = rbd
#- config/neutron/ml2_conf.ini
[ml2]
mechanism_drivers = openvswitch,l2population

[ml2_type_vlan]
network_vlan_ranges = physnet1:100:200
#- config/neutron.conf
[DEFAULT]
dhcp_agents_per_network = 2
#- config/glance/glance-api.conf
[DEFAULT]
enabled_backends = rbd:rbd

[glance_store]
default_backend = rbd

[rbd]
rbd_store_pool = images
`);
  const found = [...results]
    .filter(([p]) => p.includes('/config/'))
    .flatMap(([p, r]) => r.findings.map((f) => `${p} ${f.severity} ${f.rule}: ${f.message}`));
  assert.deepEqual(found, []);
});

test("kolla renders an override through Jinja first: {{ variables }} and {% if %} branches are kolla's, in an override only", () => {
  const { results } = analyseAll(`${DEPLOYMENT}
#- config/nova/nova-compute.conf
[DEFAULT]
{% if inventory_hostname in groups['gpu'] %}
reserved_host_memory_mb = 16384
{% else %}
reserved_host_memory_mb = 4096
{% endif %}
{# sized for the hypervisors #}
[oslo_messaging_rabbit]
rabbit_quorum_queue = {{ nova_quorum_queues }}
#- other/nova.conf
[DEFAULT]
{% if gpu %}
reserved_host_memory_mb = {{ reserved }}
`);
  const rules = (p: string) => results.get(`/w/${p}`)!.findings.map((f) => `${f.severity} ${f.rule}`);
  assert.deepEqual(rules('config/nova/nova-compute.conf'), []);
  // outside kolla's config folder nothing renders the template: the service would read it as written
  assert.deepEqual(rules('other/nova.conf'), ['error parse-error', 'error invalid-value']);
});

test('what kolla writes under an override counts as set: quorum queues and [database] max_retries = -1 are not missing from it', () => {
  const conf = `[DEFAULT]
transport_url = rabbit://openstack:secret@10.0.0.11:5672,openstack:secret@10.0.0.12:5672,openstack:secret@10.0.0.13:5672//
[database]
connection = mysql+pymysql://nova:secret@10.0.0.250/nova
`;
  const { results } = analyseAll(
    new Map([
      ['/w/globals.yml', 'kolla_internal_vip_address: "10.0.0.250"\n'],
      ['/w/config/nova.conf', conf],
      ['/w/etc/nova/nova.conf', conf],
    ]),
  );
  const rules = (p: string) => results.get(p)!.findings.map((f) => f.rule);
  assert.deepEqual(rules('/w/config/nova.conf'), []);
  // a full nova.conf that nothing merges into: both are missing
  assert.deepEqual(rules('/w/etc/nova/nova.conf').sort(), ['db-max-retries-infinite', 'rabbit-queue-replication']);
});

const GLOBAL_CONF = `[DEFAULT]
debug = True
transport_url = rabbit://openstack:{{ rabbitmq_password }}@10.0.0.11:5672,openstack:{{ rabbitmq_password }}@10.0.0.12:5672,openstack:{{ rabbitmq_password }}@10.0.0.13:5672//
# an option only neutron has: neutron reads it, the other services ignore it
dhcp_agents_per_network = 2

[oslo_messaging_rabbit]
heartbeat_timeout_threshold = 60
rabbit_quorum_queue = false

[database]
max_pool_size = 50
connection_recycle_time = 10

[keystone_authtoken]
memcached_servers = 10.0.0.11:11211,10.0.0.12:11211,10.0.0.13:11211
service_token_roles_required = true

[cache]
backend = oslo_cache.memcache_pool
enabled = true
`;

test("kolla's global.conf, merged into every service: recognised in its config folder, read against every service's options", () => {
  assert.equal(confKind('/etc/kolla/config/global.conf', ''), 'global.conf');
  assert.equal(confKind('/srv/kolla/config/global.conf', GLOBAL_CONF), 'global.conf');
  // not kolla's: an unrelated project's config/global.conf, a global.conf elsewhere in the config folder
  assert.equal(confKind('/srv/app/config/global.conf', '[DEFAULT]\nname = x\n\n[server]\nport = 80\n'), undefined);
  assert.equal(confKind('/etc/kolla/config/nova/global.conf', ''), undefined);
  assert.equal(confKind('/srv/app/global.conf', GLOBAL_CONF), undefined);

  for (const root of ['/repo', '/etc/kolla']) {
    const ws = kollaWorkspace(root, []);
    ws.setFile(`${root}/config/global.conf`, GLOBAL_CONF);
    assert.equal(ws.kindOf(`${root}/config/global.conf`), 'oslo-conf');
    assert.deepEqual(kollaPeers(ws, `${root}/config/global.conf`), [`${root}/globals.yml`, `${root}/multinode`]);
  }
  // every rule: only the quorum queues turned off, no option or section 'unknown' to one service's catalogue
  const files = new Map([
    ['/repo/globals.yml', 'kolla_internal_vip_address: "10.0.0.250"\n'],
    ['/repo/multinode', '[control]\ncontrol01\n\n[mariadb:children]\ncontrol\n'],
    ['/repo/config/global.conf', GLOBAL_CONF],
  ]);
  const found = analyseAll(files).results.get('/repo/config/global.conf')!.findings;
  assert.deepEqual(
    found.map((f) => `${f.rule} ${GLOBAL_CONF.slice(f.span.start, f.span.end)}`),
    ['kolla-override-undoes-ha false', 'rabbit-queue-replication false'],
  );
  // (nova's catalogue alone does not have the neutron option)
  assert.equal(catalogFor('nova.conf')!.option('DEFAULT', 'dhcp_agents_per_network'), undefined);
  // a name no service has is still reported
  files.set('/repo/config/global.conf', '[oslo_messaging_rabbit]\nrabbit_quorum_queu = true\n[databse]\nmax_pool_size = 5\n');
  const typos = analyseAll(files)
    .results.get('/repo/config/global.conf')!
    .findings.map((f) => f.rule);
  assert.deepEqual(typos.sort(), ['unknown-option', 'unknown-section']);
});
