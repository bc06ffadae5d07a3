/**
 * One file of every kind the product checks, under the names and folders deployments give them
 * (kinds.ts's KIND_GLOBS): the README's editor set-ups must attach the server to each. Paths are
 * relative to a project root; the unit test checks that the engine recognises every one, so the
 * list cannot drift from what the server checks.
 */
export interface Sample {
  path: string;
  text: string;
}

const INI_INVENTORY = '[control]\nctl1\nctl2\nctl3\n\n[network:children]\ncontrol\n';

export const SAMPLES: readonly Sample[] = [
  // HA manifests: by name, or any YAML whose top says apiVersion: openstack-ha/v1
  { path: 'region.ha.yaml', text: 'apiVersion: openstack-ha/v1\nkind: Deployment\n' },
  { path: 'openstack-ha.yaml', text: 'apiVersion: openstack-ha/v1\nkind: Deployment\n' },
  { path: 'designs/east.ha.yml', text: 'apiVersion: openstack-ha/v1\nkind: Deployment\n' },
  { path: 'designs/west.yaml', text: 'apiVersion: openstack-ha/v1\nkind: Deployment\n' },
  // kolla-ansible
  { path: 'kolla/globals.yml', text: 'kolla_base_distro: "debian"\nenable_haproxy: "yes"\n' },
  { path: 'kolla/globals.d/ha.yml', text: 'kolla_internal_vip_address: "10.0.0.10"\n' },
  { path: 'kolla/multinode', text: INI_INVENTORY },
  { path: 'kolla/all-in-one', text: INI_INVENTORY },
  { path: 'kolla/inventory/hosts', text: INI_INVENTORY },
  { path: 'kolla/staging.inventory', text: INI_INVENTORY },
  { path: 'kolla/inventories/prod/hosts.ini', text: INI_INVENTORY },
  {
    path: 'kolla/inventory-prod.yml',
    text: 'all:\n  children:\n    control:\n      hosts:\n        ctl1:\n    loadbalancer:\n      children:\n        control:\n',
  },
  { path: 'kolla/group_vars/all.yml', text: 'kolla_internal_vip_address: "10.0.0.10"\n' },
  { path: 'kolla/host_vars/ctl1', text: 'api_interface: "eth1"\n' },
  // OpenStack-Ansible
  { path: 'openstack_deploy/openstack_user_config.yml', text: 'cidr_networks:\n  management: 172.29.236.0/22\n' },
  { path: 'openstack_deploy/conf.d/haproxy.yml', text: 'haproxy_hosts:\n  lb1:\n    ip: 172.29.236.51\n' },
  { path: 'openstack_deploy/user_variables.yml', text: 'haproxy_use_keepalived: true\n' },
  { path: 'openstack_deploy/user_variables_ha.yml', text: 'galera_cluster_name: openstack_galera_cluster\n' },
  // OpenStack services (oslo.config)
  { path: 'etc/nova/nova.conf', text: '[DEFAULT]\ndebug = false\n' },
  { path: 'keystone.conf', text: '[DEFAULT]\ndebug = false\n' },
  { path: 'etc/neutron/plugins/ml2/ml2_conf.ini', text: '[ml2]\ntype_drivers = flat,vxlan\n' },
  { path: 'etc/neutron/l3_agent.ini', text: '[DEFAULT]\ndebug = false\n' },
  // HAProxy, Corosync, keepalived
  { path: 'etc/haproxy/haproxy.cfg', text: 'global\n  maxconn 4000\n' },
  { path: 'lb/api.cfg', text: 'frontend api\n  bind 10.0.0.10:5000\n' },
  { path: 'etc/corosync/corosync.conf', text: 'totem {\n  version: 2\n}\n' },
  { path: 'etc/keepalived/keepalived.conf', text: 'vrrp_instance VI_1 {\n  state MASTER\n}\n' },
  { path: 'etc/keepalived/conf.d/vip.conf', text: 'vrrp_instance VI_2 {\n  state BACKUP\n}\n' },
  // Galera / MariaDB option files
  { path: 'etc/mysql/conf.d/galera.cnf', text: '[mysqld]\nwsrep_on = ON\n' },
  { path: 'my.cnf', text: '[mysqld]\nbind-address = 0.0.0.0\n' },
  { path: 'db/wsrep.cnf', text: '[galera]\nwsrep_on = ON\n' },
  // Pacemaker
  { path: 'cluster/cib.xml', text: '<cib crm_feature_set="3.0"><configuration/></cib>\n' },
  { path: 'cluster/resources.crm', text: 'property stonith-enabled=true\n' },
  { path: 'cluster/setup.pcs', text: 'pcs property set stonith-enabled=true\n' },
  { path: 'cluster/setup.sh', text: '#!/bin/sh\npcs resource create vip ocf:heartbeat:IPaddr2 ip=10.0.0.10\n' },
  // host firewalls
  { path: 'db1/etc/iptables/rules.v4', text: '*filter\n:INPUT ACCEPT [0:0]\nCOMMIT\n' },
  { path: 'db1/etc/iptables/rules.v6', text: '*filter\n:INPUT ACCEPT [0:0]\nCOMMIT\n' },
  { path: 'db2/etc/sysconfig/iptables', text: '*filter\n:INPUT ACCEPT [0:0]\nCOMMIT\n' },
  { path: 'db3/etc/ufw/user.rules', text: '*filter\n:ufw-user-input - [0:0]\nCOMMIT\n' },
  { path: 'db1/etc/nftables.conf', text: 'table inet filter {\n}\n' },
  { path: 'db2/galera.nft', text: 'table inet filter {\n}\n' },
  { path: 'db3/etc/firewalld/zones/internal.xml', text: '<?xml version="1.0"?>\n<zone>\n  <port protocol="tcp" port="4567"/>\n</zone>\n' },
  { path: 'db1/firewall.sh', text: '#!/bin/sh\niptables -A INPUT -p tcp --dport 4567 -j ACCEPT\n' },
  // clustercheck (the health check haproxy.cfg's `check port 9200` reaches)
  { path: 'db1/etc/sysconfig/clustercheck', text: 'MYSQL_USERNAME="clustercheck"\n' },
  { path: 'db1/etc/xinetd.d/mysqlchk', text: 'service mysqlchk\n{\n  port = 9200\n  server = /usr/bin/clustercheck\n}\n' },
];
