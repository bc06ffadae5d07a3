/** kolla-ansible as a Language: its files recognised, grouped into deployments, checked together, served in the editor. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyseAll, filesOf, folderFiles } from '../support/workspace';
import { detectKind } from '../../server/src/engine/lint';
import { languageOf } from '../../server/src/engine/languages';
import { Workspace } from '../../server/src/engine/workspace/workspace';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/kolla');

const folder = (dir: string) => folderFiles(dir);

/** Every finding as `file:line rule severity`, sorted. */
function listed(results: ReturnType<typeof analyseAll>['results']): string[] {
  const out: string[] = [];
  for (const [p, r] of results)
    for (const f of r.findings) out.push(`${p.slice(3)}:${r.lines.position(f.span.start).line + 1} ${f.rule} ${f.severity}`);
  return out.sort();
}

test("kolla-ansible's own example (multinode and globals.yml, byte for byte) gives no finding at all", () => {
  const files = new Map([...folder(FIXTURES)].filter(([p]) => /^\/w\/(multinode|globals\.yml)$/.test(p)));
  assert.equal(files.size, 2);
  const { ws, results } = analyseAll(files);
  assert.deepEqual(
    ws.checkedFiles().map((f) => `${f.path} ${f.kind}`),
    ['/w/globals.yml kolla', '/w/multinode kolla'],
  );
  assert.deepEqual(listed(results), []);
});

test('a deployment written as users write them: every mistake found once, in the file that says it', () => {
  const { results } = analyseAll(folder(path.join(FIXTURES, 'mistakes')));
  assert.deepEqual(listed(results), [
    'globals.d/rabbitmq.yml:2 kolla-removed-variable warning',
    'globals.d/rabbitmq.yml:3 kolla-removed-variable warning',
    'globals.yml:9 address-conflict error',
    'globals.yml:9 kolla-keepalived-router-id warning',
    'multinode:26 kolla-loadbalancer-group error',
    'multinode:29 cluster-min-three-nodes error',
    'multinode:32 cluster-min-three-nodes error',
    'multinode:38 cluster-min-three-nodes error',
  ]);
  const messages = [...results.values()].flatMap((r) => r.findings.map((f) => f.message));
  assert.ok(messages.includes("192.168.10.12 of VIP 'internal' is already the address of node 'ctl02'"));
  assert.ok(
    messages.includes(
      'mariadb has 2 votes; a 1:1 split leaves neither side with the 2 needed for a Galera primary component (use at least 3)',
    ),
  );
});

test("the inventory in kolla-ansible's repository layout (ansible/inventory) joins the one globals.yml (etc/kolla)", () => {
  const { results } = analyseAll(`
    #- etc/kolla/globals.yml
    kolla_internal_vip_address: "10.0.0.11"
    keepalived_virtual_router_id: "77"
    #- ansible/inventory/multinode
    [control]
    c1 ansible_host=10.0.0.11
    c2
    c3
    [loadbalancer:children]
    control
  `);
  assert.deepEqual(listed(results), ['etc/kolla/globals.yml:1 address-conflict error']);
});

test('two kolla deployments in one workspace are checked apart', () => {
  const { results } = analyseAll(`
    #- site-a/globals.yml
    kolla_internal_vip_address: "10.0.0.11"
    keepalived_virtual_router_id: "77"
    #- site-a/multinode
    [control]
    a[1:3]
    [loadbalancer:children]
    control
    #- site-b/globals.yml
    kolla_internal_vip_address: "10.9.0.11"
    keepalived_virtual_router_id: "78"
    #- site-b/multinode
    [control]
    b1 ansible_host=10.9.0.11
    b2
    [loadbalancer:children]
    control
    [mariadb:children]
    control
  `);
  assert.deepEqual(listed(results), ['site-b/globals.yml:1 address-conflict error', 'site-b/multinode:6 cluster-min-three-nodes error']);
});

test('an all-in-one inventory (one host) is not checked for HA: it does not try to be', () => {
  const { results } = analyseAll(`
    #- globals.yml
    kolla_internal_vip_address: "10.0.0.11"
    keepalived_virtual_router_id: "77"
    #- all-in-one
    [control]
    localhost ansible_connection=local
    [loadbalancer:children]
    control
    [mariadb:children]
    control
  `);
  assert.deepEqual(listed(results), []);
});

test('a YAML inventory is read like the INI one', () => {
  const { ws, results } = analyseAll(`
    #- globals.yml
    kolla_internal_vip_address: "10.0.0.99"
    keepalived_virtual_router_id: "77"
    #- inventory.yml
    all:
      children:
        control:
          hosts:
            ctl01:
            ctl02:
        loadbalancer:
          children:
            control:
        mariadb:
          children:
            control:
  `);
  assert.equal(ws.kindOf('/w/inventory.yml'), 'kolla');
  assert.deepEqual(listed(results), ['inventory.yml:10 cluster-min-three-nodes error']);
});

test('recognition: kolla files by name and content, not any globals.yml or any INI file', () => {
  assert.equal(detectKind('/x/globals.yml', '---\nworkaround_ansible_issue_8743: yes\n'), 'kolla');
  assert.equal(detectKind('/x/globals.d/ha.yml', 'enable_haproxy: "no"\n'), 'kolla');
  assert.equal(detectKind('/x/multinode', '[control]\nc1\n[mariadb:children]\ncontrol\n'), 'kolla');
  assert.equal(detectKind('/x/hosts.ini', '[control]\nc1\n[mariadb:children]\ncontrol\n'), 'kolla');
  assert.notEqual(detectKind('/x/globals.yml', 'apiVersion: v1\nkind: ConfigMap\n'), 'kolla');
  assert.notEqual(detectKind('/x/nova.conf', '[control]\nc1\n[mariadb:children]\ncontrol\n'), 'kolla');
  assert.equal(detectKind('/x/multinode', '[webservers]\nweb1\n[db:children]\nweb\n'), null);
});

test('a change in the inventory re-checks globals.yml: its findings depend on the hosts', () => {
  const files = filesOf(`
    #- globals.yml
    kolla_internal_vip_address: "10.0.0.11"
    #- multinode
    [control]
    c[1:3]
    [loadbalancer:children]
    control
  `);
  const ws = new Workspace();
  for (const [p, t] of files) ws.setFile(p, t);
  assert.equal(ws.setFile('/w/multinode', '[control]\nc1 ansible_host=10.0.0.11\nc2\nc3\n[loadbalancer:children]\ncontrol\n'), true);
  assert.deepEqual(ws.dependents('/w/multinode'), ['/w/globals.yml']);
});

test('hover: a variable says its meaning and default, a group the hosts it resolves to; completion offers variables', () => {
  const fixture = `
    #- globals.yml
    kolla_internal_vip_address: "10.0.0.11"
    #- multinode
    [control]
    c[1:3]
    [mariadb:children]
    control
  `;
  const { results } = analyseAll(fixture);
  const g = results.get('/w/globals.yml')!;
  const kolla = languageOf('kolla');
  const doc = (id: string) => `https://docs/${id}`;
  const h = kolla.service.hover!(g, 3, doc)!;
  assert.match(h.markdown, /kolla_internal_vip_address|VIP/);
  assert.deepEqual(h.span, { start: 0, end: 26 });
  const inv = results.get('/w/multinode')!;
  const text = filesOf(fixture).get('/w/multinode')!;
  const hg = kolla.service.hover!(inv, text.indexOf('mariadb') + 2, doc)!;
  assert.match(hg.markdown, /\*\*\[mariadb\]\*\*: the Galera cluster/);
  assert.match(hg.markdown, /3 hosts through `:children`: `c1`, `c2`, `c3`/);
  const gtext = filesOf(fixture).get('/w/globals.yml')!;
  const c = kolla.service.complete!(g, gtext + 'keepalived_v', gtext.length + 'keepalived_v'.length);
  assert.ok(c?.items.some((i) => i.label === 'keepalived_virtual_router_id'));
  const symbols = kolla.service.symbols!(inv).map((s) => `${s.name} ${s.detail}`);
  assert.deepEqual(symbols, ['control 3 hosts', 'mariadb 3 hosts']);
});

test('group_vars and host_vars beside the inventory: a VRID set in group_vars counts, globals.yml wins over it, host_vars give addresses', () => {
  const { ws, results } = analyseAll(`
    #- globals.yml
    kolla_internal_vip_address: "10.0.0.12"
    #- group_vars/all.yml
    keepalived_virtual_router_id: "51"
    #- group_vars/loadbalancer/vrrp.yml
    keepalived_virtual_router_id: 300
    #- host_vars/c2.yml
    ansible_host: 10.0.0.12
    api_interface: bond0
    #- multinode
    [control]
    c[1:3]
    [loadbalancer:children]
    control
  `);
  assert.equal(ws.kindOf('/w/host_vars/c2.yml'), 'kolla');
  assert.equal(ws.kindOf('/w/group_vars/loadbalancer/vrrp.yml'), 'kolla');
  assert.deepEqual(listed(results), [
    'globals.yml:1 address-conflict error',
    'group_vars/loadbalancer/vrrp.yml:1 kolla-keepalived-router-id error',
  ]);
  // OpenStack-Ansible's group_vars are not kolla's
  assert.notEqual(detectKind('/o/group_vars/haproxy/keepalived.yml', 'haproxy_keepalived_external_virtual_router_id: 40\n'), 'kolla');
});

test('a kolla deployment beside HA manifests: no manifest applies to its files, so no manifest-ambiguous either', () => {
  const { results } = analyseAll(`
    #- a.ha.yaml
    apiVersion: openstack-ha/v1
    kind: Deployment
    nodes:
      n1: { address: 10.1.0.1, roles: [controller] }
    #- b.ha.yaml
    apiVersion: openstack-ha/v1
    kind: Deployment
    nodes:
      n1: { address: 10.1.0.1, roles: [controller] }
    #- kolla/globals.yml
    kolla_internal_vip_address: "10.0.0.11"
    keepalived_virtual_router_id: "77"
    #- kolla/multinode
    [control]
    c[1:3]
    [loadbalancer:children]
    control
  `);
  assert.deepEqual(
    listed(results).filter((l) => l.startsWith('kolla/')),
    [],
  );
});

test('a deployment of many files is checked once: every file of it shares one result', () => {
  const hosts = Array.from({ length: 300 }, (_, i) => `#- host_vars/n${i}.yml\napi_interface: eth${i % 2}\n`).join('');
  const { results } = analyseAll(
    `#- globals.yml\nkolla_internal_vip_address: "10.0.0.11"\nkeepalived_virtual_router_id: "77"\n#- multinode\n[control]\nn[0:299]\n[loadbalancer:children]\ncontrol\n${hosts}`,
  );
  const models = new Set([...results.values()].map((r) => r.deployModel));
  assert.equal(results.size, 302);
  assert.equal(models.size, 1);
});
