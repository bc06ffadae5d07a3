import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkWorkspace, fixedIn } from '../support/workspace';

const RULE = 'kolla-rabbitmq-partition-handling';

test('on master (RabbitMQ 4.3) the setting does nothing: a warning for autoheal, info for pause_minority, in globals.yml and group_vars', () => {
  checkWorkspace(
    `
  #- globals.yml
  openstack_release: "master"
  rabbitmq_cluster_partition_handling: "autoheal"
  #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning kolla-rabbitmq-partition-handling: rabbitmq_cluster_partition_handling does nothing on RabbitMQ 4.3 (kolla-ansible master's image): partition handling is gone, the Raft majority (Khepri, quorum queues) decides and the minority side stops
  #- group_vars/all.yml
  enable_rabbitmq: "yes"
  rabbitmq_cluster_partition_handling: pause_minority
  #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ info kolla-rabbitmq-partition-handling: rabbitmq_cluster_partition_handling does nothing on RabbitMQ 4.3 (kolla-ansible master's image): partition handling is gone, the Raft majority (Khepri, quorum queues) decides and the minority side stops, as pause_minority asked
  #- multinode
  [control]
  c[1:3]
  [rabbitmq:children]
  control
  `,
    { rules: [RULE] },
  );
});

test("the user's image names the version: RabbitMQ's own tag, a kolla tag of master", () => {
  checkWorkspace(
    `
  #- globals.yml
  openstack_release: "2026.1"
  rabbitmq_image_full: "docker.io/library/rabbitmq:4.3.1-management"
  rabbitmq_cluster_partition_handling: "ignore"
  #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning kolla-rabbitmq-partition-handling: rabbitmq_cluster_partition_handling does nothing on RabbitMQ 4.3 (rabbitmq_image_full has the tag 4.3.1-management): partition handling is gone, the Raft majority (Khepri, quorum queues) decides and the minority side stops
  `,
    { rules: [RULE] },
  );
  checkWorkspace(
    `
  #- globals.yml
  openstack_release: "2026.1"
  rabbitmq_tag: "master-rocky-10"
  rabbitmq_cluster_partition_handling: "autoheal"
  #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning kolla-rabbitmq-partition-handling: rabbitmq_cluster_partition_handling does nothing on RabbitMQ 4.3 (rabbitmq_tag has the tag master-rocky-10, kolla's master image): partition handling is gone, the Raft majority (Khepri, quorum queues) decides and the minority side stops
  `,
    { rules: [RULE] },
  );
});

test('nothing below 4.3, or when the version cannot be known', () => {
  const cases = [
    // no release: the newest kolla the product knows, 2026.1, builds RabbitMQ 4.2
    'rabbitmq_cluster_partition_handling: "autoheal"',
    'openstack_release: "2026.1"\nrabbitmq_cluster_partition_handling: "ignore"',
    'openstack_release: "2025.2"\nrabbitmq_cluster_partition_handling: "pause_minority"',
    // 2025.1's extra image: 4.1
    'openstack_release: "2025.1"\nrabbitmq_image: "{{ docker_image_url }}rabbitmq-4-1"\nrabbitmq_cluster_partition_handling: "autoheal"',
    // master's release, but the 2026.1 image (4.2)
    'openstack_release: "master"\nrabbitmq_tag: "2026.1-rocky-10"\nrabbitmq_cluster_partition_handling: "autoheal"',
    // an image of the user's that names no version
    'openstack_release: "master"\nrabbitmq_image: "registry.example.com/ops/broker"\nrabbitmq_cluster_partition_handling: "autoheal"',
    // a tag the product cannot evaluate
    'openstack_release: "master"\nrabbitmq_tag: "{{ lookup(\'env\', \'TAG\') }}"\nrabbitmq_cluster_partition_handling: "autoheal"',
    // kolla kolla's own version tags (19.x) are not RabbitMQ versions
    'openstack_release: "master"\nrabbitmq_image_full: "quay.io/openstack.kolla/rabbitmq:19.6.0"\nrabbitmq_cluster_partition_handling: "autoheal"',
    // on 4.3 but not set: kolla's own default line is not the user's to remove
    'openstack_release: "master"\nenable_rabbitmq: "yes"',
  ];
  for (const text of cases) checkWorkspace(`#- globals.yml\n${text}\n`, { rules: [RULE] });
});

test('the safe fix deletes the line', () => {
  const before = '#- globals.yml\nopenstack_release: "master"\nrabbitmq_cluster_partition_handling: "autoheal"\nenable_rabbitmq: "yes"\n';
  assert.equal(fixedIn(before, 'globals.yml', RULE), 'openstack_release: "master"\nenable_rabbitmq: "yes"\n');
});
