import { test } from 'node:test';
import { checkWorkspace } from '../support/workspace';

const RULES = ['osa-conf-override-undoes-ha'];
const CONFIG = `
  #- openstack_deploy/openstack_user_config.yml
  shared-infra_hosts:
    infra1:
      ip: 172.29.236.11
    infra2:
      ip: 172.29.236.12
    infra3:
      ip: 172.29.236.13
`;

test('rabbit_quorum_queue: false in a conf_overrides dictionary: on its value, whichever service', () => {
  checkWorkspace(
    `${CONFIG}
  #- openstack_deploy/user_variables.yml
  nova_nova_conf_overrides:
    DEFAULT:
      debug: true
    oslo_messaging_rabbit:
      rabbit_quorum_queue: false
      #                    ^^^^^ error osa-conf-override-undoes-ha: OpenStack-Ansible writes rabbit_quorum_queue = true for every service (oslomsg_rabbit_quorum_queues) and nova_nova_conf_overrides turns it off: the service declares classic queues again, which live on one broker and are lost with it, and RabbitMQ refuses to redeclare the queues OpenStack-Ansible already made as quorum queues (PRECONDITION_FAILED, inequivalent arg 'x-queue-type')
  glance_glance_api_conf_overrides:
    oslo_messaging_rabbit: {rabbit_quorum_queue: "no"}
    #                                            ^^^^ error osa-conf-override-undoes-ha
  #- openstack_deploy/group_vars/nova_compute.yml
  neutron_neutron_conf_overrides:
    oslo_messaging_rabbit:
      rabbit_ha_queues: True
      #                 ^^^^ error osa-conf-override-undoes-ha: OpenStack-Ansible writes rabbit_quorum_queue = true for every service (oslomsg_rabbit_quorum_queues) and neutron_neutron_conf_overrides adds rabbit_ha_queues = true: oslo.messaging refuses the two together ('rabbit_quorum_queue and rabbit_ha_queues both enabled'), so the service does not start
  `,
    { rules: RULES },
  );
});

test('quorum queues turned off by the deployment (everywhere, or for the one service): the override agrees, nothing to say', () => {
  checkWorkspace(
    `${CONFIG}
  #- openstack_deploy/user_variables.yml
  rabbitmq_queue_replication: false
  nova_nova_conf_overrides:
    oslo_messaging_rabbit:
      rabbit_quorum_queue: false
      rabbit_ha_queues: true
  `,
    { rules: RULES },
  );
  checkWorkspace(
    `${CONFIG}
  #- openstack_deploy/user_variables.yml
  nova_oslomsg_rabbit_quorum_queues: false
  nova_nova_conf_overrides:
    oslo_messaging_rabbit:
      rabbit_quorum_queue: false
  cinder_cinder_conf_overrides:
    oslo_messaging_rabbit:
      rabbit_quorum_queue: false
      #                    ^^^^^ error osa-conf-override-undoes-ha
  `,
    { rules: RULES },
  );
});

test('harmless overrides, templates, and a dictionary a later user_variables file replaces: nothing to say', () => {
  checkWorkspace(
    `${CONFIG}
  #- openstack_deploy/user_variables.yml
  nova_nova_conf_overrides:
    oslo_messaging_rabbit:
      rabbit_quorum_queue: false
  #- openstack_deploy/user_variables_zz.yml
  nova_nova_conf_overrides:
    oslo_messaging_rabbit:
      rabbit_quorum_queue: "{{ my_quorum }}"
      rabbit_ha_queues: false
      rabbit_qos_prefetch_count: 64
    DEFAULT:
      rabbit_quorum_queue: false
  nova_conf_overrides: [1, 2]
  glance_glance_api_conf_overrides:
    oslo_messaging_rabbit: [rabbit_quorum_queue]
  `,
    { rules: RULES },
  );
});

test("unknown-option: a section's option the service does not have, in a conf_overrides dictionary, is written and ignored", () => {
  checkWorkspace(
    `${CONFIG}
  #- openstack_deploy/user_variables.yml
  nova_nova_conf_overrides:
    oslo_messaging_rabbit:
      rabit_quorum_queue: false
      #^^^^^^^^^^^^^^^^^ warning unknown-option: 'rabit_quorum_queue' is not an option of [oslo_messaging_rabbit] in nova.conf (2025.1): nova_nova_conf_overrides writes it there all the same, and the service ignores it; did you mean 'rabbit_quorum_queue'?
      rabbit_qos_prefetch_count: 64
    keystone_authtoken:
      auth_url: http://10.0.0.9:5000
      memcached_servers: 10.0.0.1:11211
    DEFAULT:
      transport_url: rabbit://x
      memcached_servers: 10.0.0.1:11211
      #^^^^^^^^^^^^^^^^ warning unknown-option: 'memcached_servers' is not an option of [DEFAULT] in nova.conf (2025.1): nova_nova_conf_overrides writes it there all the same, and the service ignores it; it is an option of [keystone_authtoken]
    my_own_section:
      anything: 1
  glance_glance_api_conf_overrides:
    DEFAULT:
      show_multiple_locations: true
  someservice_thing_conf_overrides:
    DEFAULT:
      whatever: 1
  `,
    { rules: ['unknown-option'] },
  );
});
