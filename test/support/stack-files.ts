/**
 * Sound files of the HA stack that rule tests start from, as topologies.ts holds manifests: each test
 * changes the lines it is about. The rule tests import them under the short names they use (SOUND, CIB ...).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintPacemaker } from '../../server/src/engine/lint';
import { LintConfig } from '../../server/src/engine/config';
import { dedent } from './fixture';
import { ROOT } from './paths';

/** haproxy.cfg: the guide's timeouts, for tests of the proxies below them. */
export const HAPROXY_DEFAULTS = `
  defaults
      timeout connect 10s
      timeout client 1m
      timeout server 1m
      timeout check 10s
`;

/** corosync.conf: corosync 3 with knet, crypto, three nodes and votequorum with wait_for_all. */
export const COROSYNC_SOUND = `
totem {
    version: 2
    cluster_name: openstack
    transport: knet
    token: 10000
    token_retransmits_before_loss_const: 10
    crypto_cipher: aes256
    crypto_hash: sha256
}
nodelist {
    node {
        ring0_addr: 10.0.0.12
        nodeid: 1
    }
    node {
        ring0_addr: 10.0.0.13
        nodeid: 2
    }
    node {
        ring0_addr: 10.0.0.14
        nodeid: 3
    }
}
quorum {
    provider: corosync_votequorum
    wait_for_all: 1
}
`;

/** keepalived.conf: script security, a tracked HAProxy, one VRID (test/fixtures/keepalived/keepalived.conf). */
export const KEEPALIVED_SOUND = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'keepalived', 'keepalived.conf'), 'utf8');

/** A Galera node's my.cnf: every setting the guide asks for, on node c1 of three. */
export const GALERA_NODE =
  '[mysqld]\nbinlog_format=ROW\nbind-address=10.0.0.12\ninnodb_autoinc_lock_mode=2\nwsrep_on=ON\nwsrep_provider=/usr/lib/galera/libgalera_smm.so\nwsrep_cluster_name=openstack\nwsrep_cluster_address=gcomm://10.0.0.12,10.0.0.13,10.0.0.14\nwsrep_node_name=c1\nwsrep_node_address=10.0.0.12\nwsrep_sst_method=mariabackup\nwsrep_sst_auth=sst:secret\n';

/** The guide's controller cluster, as pcs commands: fenced, VIP tied to HAProxy, every resource monitored. */
export const SOUND_PCS = `
  pcs cluster setup openstack controller1 controller2 controller3
  pcs property set cluster-recheck-interval=5min
  pcs stonith create fence-c1 fence_ipmilan ip=10.1.0.11 username=admin password_script=/etc/ipmi-pass pcmk_host_list=controller1
  pcs stonith create fence-c2 fence_ipmilan ip=10.1.0.12 username=admin password_script=/etc/ipmi-pass pcmk_host_list=controller2
  pcs stonith create fence-c3 fence_ipmilan ip=10.1.0.13 username=admin password_script=/etc/ipmi-pass pcmk_host_list=controller3
  pcs resource create vip ocf:heartbeat:IPaddr2 ip=10.0.0.11 cidr_netmask=24 op monitor interval=30s
  pcs resource create lb-haproxy systemd:haproxy op monitor interval=1s --clone
  pcs constraint order start vip then lb-haproxy-clone kind=Optional
  pcs constraint colocation add lb-haproxy-clone with vip
  pcs resource create openstack-keystone systemd:openstack-keystone op monitor interval=30s timeout=30s clone interleave=true
  pcs resource create openstack-cinder-volume systemd:openstack-cinder-volume op monitor interval=30s timeout=30s
`;

/** The tests of the other rules leave pacemaker-recheck-interval (an info on most fixtures) to its own test. */
export const PACEMAKER_OTHERS: LintConfig = { rules: { 'pacemaker-recheck-interval': 'off' } };

/** The rule and message of each finding in a Pacemaker file, pacemaker-recheck-interval left out. */
export const pacemakerRulesOf = (syntax: 'pcs' | 'crm' | 'cib', text: string, environment?: 'test') =>
  lintPacemaker(dedent(text), syntax, { ...PACEMAKER_OTHERS, environment }).findings.map((f) => `${f.rule}: ${f.message}`);

/** A CIB of three nodes with the given properties, resources and constraints. */
export const CIB = (props: string, resources: string, constraints = '') => `
  <cib validate-with="pacemaker-3.9" epoch="12" num_updates="0" admin_epoch="0">
    <configuration>
      <crm_config>
        <cluster_property_set id="cib-bootstrap-options">
  ${props}
        </cluster_property_set>
      </crm_config>
      <nodes>
        <node id="1" uname="controller1"/>
        <node id="2" uname="controller2"/>
        <node id="3" uname="controller3"/>
      </nodes>
      <resources>
  ${resources}
      </resources>
      <constraints>${constraints}</constraints>
    </configuration>
  </cib>
`;

/** In a CIB: the VIP and the HAProxy clone, both monitored. */
export const VIP_AND_HAPROXY = `
        <primitive id="vip" class="ocf" provider="heartbeat" type="IPaddr2">
          <instance_attributes id="vip-ia">
            <nvpair id="vip-ip" name="ip" value="10.0.0.11"/>
            <nvpair id="vip-mask" name="cidr_netmask" value="24"/>
          </instance_attributes>
          <operations><op id="vip-mon" name="monitor" interval="30s"/></operations>
        </primitive>
        <clone id="lb-haproxy-clone">
          <primitive id="lb-haproxy" class="systemd" type="haproxy">
            <operations><op id="lb-haproxy-mon" name="monitor" interval="1s"/></operations>
          </primitive>
        </clone>`;

/** In a CIB: a fence device, a colocation of the HAProxy clone with the VIP. */
export const FENCE = '<primitive id="fence-c1" class="stonith" type="fence_ipmilan"/>';
export const COLOCATED = '<rsc_colocation id="col" rsc="lb-haproxy-clone" with-rsc="vip" score="INFINITY"/>';
