import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkWorkspace, fixedIn } from '../support/workspace';

test('the RabbitMQ toggles 2025.1 removed do nothing, in globals.yml and globals.d', () => {
  checkWorkspace(
    `
  #- globals.yml
  openstack_release: "2025.1"
  om_enable_rabbitmq_high_availability: "yes"
  #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning kolla-removed-variable: om_enable_rabbitmq_high_availability was removed in kolla-ansible 2025.1 (classic mirrored queues are gone; quorum queues are always on): in 2025.1 setting it does nothing
  #- globals.d/rabbit.yml
  om_enable_rabbitmq_quorum_queues: false
  #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning kolla-removed-variable: om_enable_rabbitmq_quorum_queues was removed in kolla-ansible 2025.1 (quorum queues are always on): in 2025.1 setting it does nothing
  enable_rabbitmq: "yes"
  `,
    { rules: ['kolla-removed-variable'] },
  );
});

test('the safe fix deletes the whole line, CRLF included', () => {
  const before = '#- globals.yml\nenable_haproxy: "yes"\r\nom_enable_queue_manager: "no"\r\nenable_mariadb: "yes"\r\n';
  assert.equal(fixedIn(before, 'globals.yml', 'kolla-removed-variable'), 'enable_haproxy: "yes"\r\nenable_mariadb: "yes"\r\n');
});
