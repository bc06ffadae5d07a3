import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkWorkspace, relatedOf } from '../support/workspace';

const MANIFEST = `
  #- site.ha.yaml
  apiVersion: openstack-ha/v1
  kind: Deployment
  nodes:
    lb1: { address: 10.0.0.21, roles: [loadbalancer] }
    lb2: { address: 10.0.0.22, roles: [loadbalancer] }
  clusters:
    lb: { manager: keepalived, members: [lb1, lb2] }
  vips:
    internal: { address: 10.0.0.10, cidr: 24, cluster: lb }
    public: { address: 203.0.113.10, cidr: 24, cluster: lb }
`;

test('an address that is not a VIP of the manifest, and a VIP no keepalived.conf holds', () => {
  const out = checkWorkspace(
    `${MANIFEST}
  #- lb1/etc/keepalived/keepalived.conf
  vrrp_instance VI_1 {
  #             ^^^^ warning keepalived-vip-drift: VIP public (203.0.113.10) is moved by keepalived cluster 'lb' in site.ha.yaml (lb1 (10.0.0.21), lb2 (10.0.0.22)), but no vrrp_instance of the deployment's keepalived.conf files holds it
    interface eth0
    virtual_router_id 51
    priority 101
    virtual_ipaddress {
      10.0.0.10/24 dev eth0
      10.0.0.100/24 dev eth0
  #   ^^^^^^^^^^^^^ warning keepalived-vip-drift: 10.0.0.100 of vrrp_instance VI_1 is not a VIP of site.ha.yaml (internal 10.0.0.10, public 203.0.113.10)
    }
  }
  `,
    { rules: ['keepalived-vip-drift'] },
  );
  const related = out.results
    .get('/w/lb1/etc/keepalived/keepalived.conf')!
    .findings.find((f) => f.message.startsWith('10.0.0.100'))!.related!;
  assert.deepEqual(
    related.map((r) => `${r.file} ${r.message}`),
    ['/w/site.ha.yaml VIP internal in site.ha.yaml', '/w/site.ha.yaml VIP public in site.ha.yaml'],
  );
});

test('two load balancers of one VRRP group with different VIPs', () => {
  const out = checkWorkspace(
    `${MANIFEST}
  #- lb1/etc/keepalived/keepalived.conf
  vrrp_instance VI_1 {
  #             ^^^^ warning keepalived-vip-drift: vrrp_instance VI_1 (virtual_router_id 51) holds other VIPs than vrrp_instance VI_1 of ../../../lb2/etc/keepalived/keepalived.conf: 203.0.113.10 only here; a failover between them drops the difference
    interface eth0
    virtual_router_id 51
    priority 101
    virtual_ipaddress {
      10.0.0.10/24 dev eth0
      203.0.113.10/24 dev eth1
    }
  }
  #- lb2/etc/keepalived/keepalived.conf
  vrrp_instance VI_1 {
  #             ^^^^ warning keepalived-vip-drift: vrrp_instance VI_1 (virtual_router_id 51) holds other VIPs than vrrp_instance VI_1 of ../../../lb1/etc/keepalived/keepalived.conf: 203.0.113.10 only in ../../../lb1/etc/keepalived/keepalived.conf; a failover between them drops the difference
    interface eth0
    virtual_router_id 51
    priority 100
    virtual_ipaddress {
      10.0.0.10/24 dev eth0
    }
  }
  `,
    { rules: ['keepalived-vip-drift'] },
  );
  assert.deepEqual(relatedOf(out, 'lb2/etc/keepalived/keepalived.conf', 'keepalived-vip-drift'), [
    'lb1/etc/keepalived/keepalived.conf:1:15 vrrp_instance VI_1 of ../../../lb1/etc/keepalived/keepalived.conf',
  ]);
});

test("the manifest's VIPs on both load balancers, and a file with no manifest, are quiet", () => {
  const same = `
  vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    virtual_ipaddress {
      10.0.0.10/24 dev eth0
      203.0.113.10/24 dev eth1
    }
  }`;
  checkWorkspace(
    `${MANIFEST}
  #- lb1/etc/keepalived/keepalived.conf
  ${same}
  #- lb2/etc/keepalived/keepalived.conf
  ${same}
  `,
    { rules: ['keepalived-vip-drift'] },
  );
  checkWorkspace(
    `
  #- lb1/etc/keepalived/keepalived.conf
  ${same}
  `,
    { rules: ['keepalived-vip-drift'] },
  );
});
