import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkWorkspace, relatedOf } from '../support/workspace';

const MANIFEST = `
  #- site.ha.yaml
  apiVersion: openstack-ha/v1
  kind: Deployment
  nodes:
    ctl1: { address: 10.0.0.11, roles: [controller] }
    ctl2: { address: 10.0.0.12, roles: [controller] }
    ctl3: { address: 10.0.0.13, roles: [controller] }
  clusters:
    ctl:
      manager: pacemaker
      members: [ctl1, ctl2, ctl3]
      stonith: true
`;

test('a nodelist that leaves out a member and adds a node the manifest lacks', () => {
  const out = checkWorkspace(
    `${MANIFEST}
  #- ctl1/etc/corosync/corosync.conf
  totem {
    version: 2
    cluster_name: ctl
  }
  nodelist {
  #^^^^^^^ warning corosync-nodelist-drift: the nodelist leaves out ctl3 (10.0.0.13), member of cluster 'ctl' in site.ha.yaml: it never joins the cluster corosync forms
    node {
      name: ctl1
      ring0_addr: 10.0.0.11
      nodeid: 1
    }
    node {
      name: ctl2
      ring0_addr: 10.0.0.99
  #               ^^^^^^^^^ warning corosync-nodelist-drift: ctl2's ring address is 10.0.0.99, but site.ha.yaml gives ctl2 the address 10.0.0.12
      nodeid: 2
    }
    node {
      name: ctl4
  #         ^^^^ warning corosync-nodelist-drift: node ctl4 of the nodelist is not a member of cluster 'ctl' in site.ha.yaml (ctl1, ctl2, ctl3): its vote counts toward quorum, though the deployment does not plan it
      ring0_addr: 10.0.0.14
      nodeid: 4
    }
  }
  `,
    { rules: ['corosync-nodelist-drift'] },
  );
  assert.deepEqual(
    relatedOf(
      {
        ...out,
        results: new Map(
          [...out.results].map(([k, v]) => [k, { ...v, findings: v.findings.filter((f) => f.message.startsWith('the nodelist')) }]),
        ),
      },
      'ctl1/etc/corosync/corosync.conf',
      'corosync-nodelist-drift',
    ),
    ["site.ha.yaml:10:14 members of cluster 'ctl' in site.ha.yaml", 'site.ha.yaml:6:3 ctl3 in site.ha.yaml'],
  );
});

test("a nodelist of the cluster's members, by name or by address, is quiet; without a manifest nothing is compared", () => {
  checkWorkspace(
    `${MANIFEST}
  #- ctl1/etc/corosync/corosync.conf
  totem {
    version: 2
  }
  nodelist {
    node {
      ring0_addr: 10.0.0.11
      nodeid: 1
    }
    node {
      name: ctl2
      ring0_addr: ctl2.example.net
      nodeid: 2
    }
    node {
      name: ctl3
      ring0_addr: 10.0.0.13
      nodeid: 3
    }
  }
  `,
    { rules: ['corosync-nodelist-drift'] },
  );
  checkWorkspace(
    `
  #- ctl1/etc/corosync/corosync.conf
  nodelist {
    node {
      name: x9
      ring0_addr: 10.9.9.9
    }
  }
  `,
    { rules: ['corosync-nodelist-drift'] },
  );
});
