/**
 * What the failure arithmetic needs of a kolla-ansible deployment, carried by its DeployModel
 * (documents/kolla/ha-facts.ts) and written by `convert` (documents/deploy/to-manifest.ts), each
 * fact the user wrote mapped back to its line.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { filesOf } from '../support/workspace';
import { Workspace } from '../../server/src/engine/workspace/workspace';
import { analyse } from '../../server/src/engine/analyse';
import type { DeployModel, Place } from '../../server/src/engine/documents/deploy/model';
import { placeOf, toManifest } from '../../server/src/engine/documents/deploy/to-manifest';

function modelOf(files: Map<string, string>): { model: DeployModel; text: (p: Place | undefined) => string } {
  const ws = new Workspace();
  for (const [p, t] of files) ws.setFile(p, t);
  const model = analyse(ws, '/w/globals.yml')?.deployModel;
  assert.ok(model);
  return { model, text: (p) => (p ? `${p.file}: ${files.get(p.file)!.slice(p.span.start, p.span.end)}` : 'none') };
}

const INVENTORY = `[control]
db3 ansible_host=10.0.0.13
db1 ansible_host=10.0.0.11
db2 ansible_host=10.0.0.12
[loadbalancer:children]
control
[mariadb:children]
control
[rabbitmq:children]
control
`;

/** The variables files of a fixture, with the three-host inventory beside them. */
const kolla = (fixture: string) => new Map([...filesOf(fixture), ['/w/multinode', INVENTORY]]);

test('kolla 2025.2: RabbitMQ 4.1 with the user’s autoheal, pc.weight per host, priorities by group order; convert writes them, findings map back', () => {
  const { model, text } = modelOf(
    kolla(`
      #- globals.yml
      openstack_release: "2025.2"
      kolla_internal_vip_address: "10.0.0.10"
      rabbitmq_cluster_partition_handling: autoheal
      #- group_vars/all.yml
      network_interface: eth0
      mariadb_wsrep_extra_provider_options: ["pc.weight=2"]
      #- host_vars/db3.yml
      api_interface: eth1
      mariadb_wsrep_extra_provider_options: ["pc.weight=5"]
    `),
  );
  const lb = model.clusters.find((c) => c.name === 'loadbalancer')!;
  assert.deepEqual(lb.priorities, [
    { node: 'db3', value: 1 },
    { node: 'db1', value: 2 },
    { node: 'db2', value: 3 },
  ]);
  assert.equal(lb.nopreempt, true);
  const mariadb = model.services.find((s) => s.name === 'mariadb')!;
  assert.deepEqual(
    mariadb.weights!.map((w) => `${w.node}=${w.value} at ${text(w.place)}`),
    [
      'db3=5 at /w/host_vars/db3.yml: ["pc.weight=5"]',
      'db1=2 at /w/group_vars/all.yml: ["pc.weight=2"]',
      'db2=2 at /w/group_vars/all.yml: ["pc.weight=2"]',
    ],
  );
  const rabbit = model.services.find((s) => s.name === 'rabbitmq')!;
  assert.deepEqual(
    [rabbit.version, rabbit.versionFrom, rabbit.partitionHandling, rabbit.quorumQueues],
    ['4.1', "kolla-ansible 2025.2's image", 'autoheal', true],
  );
  assert.equal(text(rabbit.places?.version), '/w/globals.yml: "2025.2"');
  assert.equal(text(rabbit.places?.partitionHandling), '/w/globals.yml: autoheal');
  assert.equal(rabbit.places?.quorumQueues, undefined);

  const written = toManifest(model);
  assert.match(written.text, /^ {4}priorities: \{ db3: 1, db1: 2, db2: 3 \}\n {4}nopreempt: true$/m);
  assert.match(
    written.text,
    /^ {2}mariadb: {2}\{ on: \[db3, db1, db2\], mode: clustered, vip: internal, weights: \{ db3: 5, db1: 2, db2: 2 \} \}$/m,
  );
  assert.match(
    written.text,
    /^ {2}rabbitmq: \{ on: \[db3, db1, db2\], mode: clustered, version: "4\.1", partition_handling: autoheal, quorum_queues: true \}$/m,
  );
  // a finding on a written field goes to the line the user wrote it on; a default to its service's group
  const at = (s: string) => {
    const start = written.text.indexOf(s);
    assert.ok(start >= 0, s);
    return text(placeOf(written, { start, end: start + s.length }));
  };
  assert.equal(at('partition_handling: autoheal'), '/w/globals.yml: autoheal');
  assert.equal(at('version: "4.1"'), '/w/globals.yml: "2025.2"');
  assert.equal(at('db3: 5'), '/w/host_vars/db3.yml: ["pc.weight=5"]');
  assert.equal(at('db2: 2 }'), '/w/group_vars/all.yml: ["pc.weight=2"]');
  assert.equal(at('quorum_queues: true'), '/w/multinode: [rabbitmq:children]');
});

test('kolla: an image that names no version gives no version (nor partition handling); an unreadable strategy is left out, the version kept', () => {
  const noVersion = modelOf(
    kolla(`
      #- globals.yml
      openstack_release: "2025.1"
      rabbitmq_image_full: "registry.example.com/mq/rabbit:stable"
      rabbitmq_cluster_partition_handling: autoheal
    `),
  ).model.services.find((s) => s.name === 'rabbitmq')!;
  assert.deepEqual(
    [noVersion.version, noVersion.partitionHandling, noVersion.quorumQueues, noVersion.places],
    [undefined, undefined, true, undefined],
  );
  assert.match(
    toManifest({ ...emptyModel(), services: [noVersion] }).text,
    /rabbitmq: \{ on: \[db3, db1, db2\], mode: clustered, quorum_queues: true \}/,
  );

  const templated = modelOf(
    kolla(`
      #- globals.yml
      openstack_release: "2025.1"
      rabbitmq_cluster_partition_handling: "{{ my_strategy }}"
    `),
  ).model.services.find((s) => s.name === 'rabbitmq')!;
  assert.deepEqual([templated.version, templated.partitionHandling], ['4.0', undefined]);

  // kolla's default when the user sets nothing: pause_minority before 4.2, no place
  const byDefault = modelOf(kolla('#- globals.yml\nopenstack_release: "2025.1"\n')).model.services.find((s) => s.name === 'rabbitmq')!;
  assert.deepEqual(
    [byDefault.version, byDefault.partitionHandling, byDefault.places?.partitionHandling],
    ['4.0', 'pause_minority', undefined],
  );
});

function emptyModel(): DeployModel {
  return { tool: 'kolla-ansible', name: 'x', nodes: [], clusters: [], vips: [], services: [] };
}
