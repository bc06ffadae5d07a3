/**
 * A deployment full of planted credentials, in every format the product reads, on good lines and
 * on malformed ones: the secrets sweep (test/engine/secrets-sweep.test.ts, test/lsp/secrets-sweep.test.ts)
 * runs every output over it and looks for each planted string. Every secret ends in `Zq` so that
 * no message, catalogue text or path holds one by chance.
 */

/** The workspace's files, by path relative to its root. */
export const PLANTED_FILES: Record<string, string> = {
  'site.ha.yaml': `apiVersion: openstack-ha/v1
kind: Deployment
nodes:
  ctl1: { address: 10.0.0.12, roles: [controller], password: ManifestNodePwZq }
  password: ManifestNodeNamedPasswordZq
  ctl2: { address: 10.0.0.13, roles: [controller] }
  ctl3: { address: 10.0.0.14, roles: [controller] }
clusters:
  ctl: { manager: pacemaker, members: [ctl1, ctl2, ctl3], auth_pass: ManifestAuthZq }
vips:
  internal: { address: 10.0.0.11, cidr: 24, cluster: ctl, secret: "ManifestVipSecretZq" }
services:
  keystone: { on: ctl, mode: active-active, vip: internal }
  galera: { on: ctl, mode: clustered, vip: internal }
`,
  // a YAML error on a line holding a credential
  'broken.ha.yaml': `apiVersion: openstack-ha/v1
kind: Deployment
nodes:
  a: { address: 10.0.0.1, password: "ManifestBrokenPwZq
  b: [ password: ManifestFlowPwZq
`,
  'ctl1/etc/nova/nova.conf': `password = OsloOrphanPwZq
password=OsloOrphanEqZq
[DEFAULT]
transport_url = rabbit://nova:pa/ss@w@rdZq@c1:5672,nova:RabbitSecondZq@c2:5672/
admin_password = OsloWrongSectionZq
[database]
connection = mysql+pymysql://nova:DbConnPwZq@10.0.0.11/nova
max_retries = -1
[api_database]
connection = mysql+pymysql://nova:Api/P@sZq@10.0.0.11/nova_api
[keystone_authtoken]
password = KeystonePwZq
memcache_secret_key = MemcacheKeyZq
Password = OsloCaseZq
[placement]
password = PlacementPwZq # a trailing comment
[neutron]
metadata_proxy_shared_secret = MetadataSecretZq
password SpacedOsloPwZq
[cache
password = AfterBadHeaderZq
[glance
password=BadHeaderPwZq]
`,
  'ctl1/etc/mysql/conf.d/galera.cnf': `password=CnfOrphanPwZq
wsrep_sst_auth = sst:CnfOrphanSstZq
[mysqld]
binlog_format = ROW
wsrep_on = ON
wsrep_provider = /usr/lib/galera/libgalera_smm.so
wsrep_cluster_address = gcomm://10.0.0.12,10.0.0.13,10.0.0.14
wsrep_sst_auth = sst:SstAuthPwZq
wsrep_sst_auth sst:SstNoEqualsZq
wsrep_sst_password = SstTypoPwZq
[client]
password = ClientPwZq
[mysqld password=HeaderPwZq
`,
  'ctl1/etc/keepalived/keepalived.conf': `auth_pass KaOrphanPwZq
vrrp_instance VI_1 {
  state MASTER
  interface eth0
  virtual_router_id 51
  priority 100
  authentication { auth_type PASS auth_pass KaOneLineZq }
  virtual_ipaddress {
    10.0.0.11/24
  }
}
vrrp_instance VI_2 {
  state BACKUP
  interface eth0
  virtual_router_id 52
  priority 90
  authentication {
    auth_type PASS
    auth_pass KaTooLongPwZqZqZq
  }
  authentication auth_pass KaNoBraceZq
  virtual_ipaddress {
    10.0.0.21/24
  }
`,
  'ctl1/etc/corosync/corosync.conf': `totem {
  version: 2
  cluster_name: ctl
  secauth: on
  crypto_cipher: aes256
  crypto_hash: sha256
  key: CoroKeyZq
  crypto_key CoroNoColonZq
}
nodelist {
  node {
    ring0_addr: 10.0.0.12
    nodeid: 1
  }
}
quorum {
  provider: corosync_votequorum
`,
  'ctl1/etc/haproxy/haproxy.cfg': `stats auth admin:HaOrphanStatsZq
global
  daemon
defaults
  mode http
  timeout connect 5s
  timeout client 30s
  timeout server 30s
userlist admins
  user admin password $6$HashedPwZq
  user ops insecure-password HaInsecurePwZq
  group ops users ops
listen stats
  bind 10.0.0.11:8080
  stats enable
  stats auth admin:HaStatsPwZq
  stats-auth admin:HaUnknownKwZq
  passwd HaPasswdKwZq
listen galera
  bind 10.0.0.11:3306
  mode tcp
  option mysql-check user haproxy_check
  server ctl1 10.0.0.12:3306 check
  server ctl2 10.0.0.13:3306 check backup
`,
  'ctl1/cluster.crm': `property stonith-enabled=true
primitive fence-ctl1 stonith:fence_ipmilan params ipaddr=10.0.1.12 login=admin passwd=CrmIpmiPwZq pcmk_host_list=ctl1 op monitor interval=60s
primitive fence-ctl2 stonith:fence_ipmilan params ipaddr=10.0.1.13 login=admin passwd="CrmQuotedPwZq" pcmk_host_list=ctl2
passwd=CrmOrphanPwZq
primitve vip IPaddr2 params ip=10.0.0.11 password=CrmTypoLinePwZq
`,
  'ctl1/setup.sh': `#!/bin/sh
pcs host auth ctl1 ctl2 ctl3 -u hacluster -p PcsHostAuthZq
pcs cluster auth ctl1 ctl2 ctl3 -u hacluster -p PcsClusterAuthZq
pcs stonith create fence-ctl1 fence_ipmilan ip=10.0.1.12 username=admin password=PcsIpmiPwZq pcmk_host_list=ctl1
pcs stonith create fence-ctl2 fence_ipmilan ip=10.0.1.13 username=admin passwd=PcsPasswdZq pcmk_host_list=ctl2 op monitor interval=60s
pcs property set stonith-enabled=true
pcs resourc create vip IPaddr2 ip=10.0.0.11 passwd=PcsTypoPwZq
`,
  'ctl1/cib.xml': `<cib crm_feature_set="3.0" validate-with="pacemaker-3.0" epoch="1" num_updates="0" admin_epoch="0">
  <configuration>
    <crm_config>
      <cluster_property_set id="cib-bootstrap-options">
        <nvpair id="opt-stonith" name="stonith-enabled" value="true"/>
      </cluster_property_set>
    </crm_config>
    <nodes/>
    <resources>
      <primitive id="fence-ctl1" class="stonith" type="fence_ipmilan">
        <instance_attributes id="fence-ctl1-ia">
          <nvpair id="fence-ctl1-passwd" name="passwd" value="CibPasswdZq"/>
          <nvpair id="fence-ctl1-pw" name="password" value="CibPasswordZq"/>
        </instance_attributes>
      </primitive>
      <primitive id="bad" class="stonith" type="fence_ipmilan" passwd="CibAttrPwZq"/>
    </resources>
    <constraints/>
  </configuration>
</cib>
`,
  'ctl1/etc/sysconfig/clustercheck': `MYSQL_USERNAME="clustercheckuser"
MYSQL_PASSWORD="ClustercheckPwZq"
MYSQL_PASSWORD ClustercheckBadZq
`,
  'ctl1/etc/xinetd.d/mysqlchk': `service mysqlchk
{
  disable = no
  port = 9200
  server = /usr/bin/clustercheck
  server_args = clustercheckuser ClustercheckArgsZq
  password = XinetdPwZq
}
`,
  'ctl1/etc/iptables/rules.v4': `*filter
:INPUT DROP [0:0]
-A INPUT -p tcp --dport 3306 -m comment --comment "db password=FwCommentPwZq" -j ACCEPT
-A INPUT -p password=FwProtoPwZq --dport 4567 -j ACCEPT
-A INPUT --password FwOptionPwZq -j ACCEPT
COMMIT
`,
  'ctl1/etc/nftables.conf': `table inet filter {
  chain input {
    type filter hook input priority 0; policy drop;
    tcp dport 3306 accept comment "password FwNftPwZq"
    tcp dprot 4567 accept comment "secret=FwNftBadZq"
  }
}
`,
  'ctl1/etc/sysctl.d/90-ha.conf': `net.ipv4.ip_nonlocal_bind = 1
password = SysctlPwZq
`,
  // kolla-ansible: a password set in globals.yml, a vault, a templated password, an inventory host password
  'kolla/globals.yml': `kolla_internal_vip_address: "10.0.0.250"
keystone_admin_password: "KollaGlobalsPwZq"
database_password: !vault |
  $ANSIBLE_VAULT;1.1;AES256
  6638643965KollaVaultZq
rabbitmq_password: "{{ lookup('env', 'KollaTemplatePwZq') }}"
om_enable_rabbitmq_quorum_queues: "no"
`,
  'kolla/multinode': `[control]
c1 ansible_host=10.0.0.11 ansible_password=KollaInvPwZq
c2 ansible_become_pass="KollaBecomeZq"
c3
[loadbalancer:children]
control
[mariadb:children]
control
`,
  'kolla/host_vars/c3.yml': `api_interface: bond0
ansible_password: KollaHostVarsPwZq
`,
  'kolla/config/nova.conf': `[oslo_messaging_rabbit]
rabbit_quorum_queue = false
[database]
connection = mysql+pymysql://nova:KollaOverrideDbZq@10.9.9.9/nova
`,
  // OpenStack-Ansible: user_variables with a password and a conf override holding one
  'osa/openstack_user_config.yml': `cidr_networks:
  management: 172.29.236.0/22
used_ips:
  - "172.29.236.1,172.29.236.50"
global_overrides:
  internal_lb_vip_address: 172.29.236.9
  external_lb_vip_address: openstack.example.com
  keystone_auth_admin_password: OsaOverridesPwZq
shared-infra_hosts:
  infra1: { ip: 172.29.236.11 }
  infra2: { ip: 172.29.236.12 }
haproxy_hosts:
  infra1: { ip: 172.29.236.11 }
`,
  'osa/user_variables.yml': `keystone_auth_admin_password: OsaUserVarsPwZq
galera_root_password: !vault |
  $ANSIBLE_VAULT;1.1;AES256
  3135OsaVaultZq
nova_nova_conf_overrides:
  database:
    connection: "mysql+pymysql://nova:OsaOverrideDbZq@10.0.0.1/nova"
  oslo_messaging_rabbit:
    rabbit_quorum_queue: false
`,
};

/** Every planted secret, as the files spell it (a URL password with its / and @ included). */
export const PLANTED_SECRETS: string[] = [
  ...new Set(
    Object.values(PLANTED_FILES)
      .join('\n')
      .match(/[A-Za-z0-9$/@]*Zq(?:Zq)*/g)!,
  ),
];

/**
 * The planted secrets that show in `text`, or a part of one: "Zq" ends every secret and no message
 * holds it, so any "Zq" is a leak; so is what comes before an @ inside a URL password (`pa/ss@w`).
 */
export function leaked(text: string): string[] {
  const whole = PLANTED_SECRETS.filter((s) => text.includes(s));
  const parts = PLANTED_SECRETS.filter((s) => s.includes('@') && text.includes(s.slice(0, s.lastIndexOf('@'))));
  const any = /[^\s]*Zq[^\s]*/.exec(text);
  return [...new Set([...whole, ...parts, ...(any ? [any[0]] : [])])];
}
