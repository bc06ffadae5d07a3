/** kolla-ansible's service overrides (node_custom_config, `config/` beside globals.yml): recognised as service configs, grouped with their deployment. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { Workspace } from '../../server/src/engine/workspace/workspace';
import { confKind } from '../../server/src/engine/documents/oslo-conf/recognise';

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
