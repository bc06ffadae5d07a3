import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCoro, dedent } from '../support/fixture';
import { lintCorosync } from '../../server/src/engine/lint';
import { COROSYNC_SOUND as SOUND } from '../support/stack-files';

test('nodelist: udpu without one, a node without ring0_addr, nodeid 0, IPv6 without nodeid; sizes', () => {
  checkCoro(
    `
  totem {
      transport: udpu
  #              ^^^^ error corosync-udpu-nodelist: transport udpu needs a nodelist with every member; there is none
  }
  `,
    { rules: ['corosync-udpu-nodelist'] },
  );
  // knet, and no transport at all (corosync 3's default is knet; the old guide's multicast file only runs on corosync 2)
  checkCoro(
    `
  totem {
      transport: knet
  #              ^^^^ error corosync-udpu-nodelist: transport knet needs a nodelist with every member; there is none
  }
  `,
    { rules: ['corosync-udpu-nodelist'] },
  );
  checkCoro(
    `
  totem {
  #^^^^ error corosync-udpu-nodelist: no transport and no nodelist: corosync 3 finds its own node in the nodelist and refuses to start without one ('No valid name found for local host'); this is a corosync 1/2 file (say \`corosync: 2\` in .openstack-ha.yaml if that is what runs)
      version: 2
      interface {
          ringnumber: 0
          bindnetaddr: 10.0.0.0
          mcastaddr: 239.255.42.1
      }
  }
  `,
    { rules: ['corosync-udpu-nodelist'] },
  );
  checkCoro(
    `
  nodelist {
  #^^^^^^^ error cluster-min-three-nodes: the nodelist has 2 votes; a 1:1 split leaves neither side with the 2 needed for quorum (use at least 3)
      node {
  #   ^^^^ error corosync-udpu-nodelist: this node has no ring0_addr
          nodeid: 0
  #               ^ error corosync-udpu-nodelist: nodeid 0 is reserved; node ids start at 1
      }
      node {
          ring0_addr: fd00::13
  #                   ^^^^^^^^ error corosync-udpu-nodelist: ring0_addr fd00::13 is IPv6: the node needs an explicit nodeid
      }
  }
  quorum {
  #^^^^^ error corosync-two-node-consistency: the nodelist has 2 nodes but two_node is not 1: after a 1:1 split neither node keeps quorum
      provider: corosync_votequorum
      wait_for_all: 0
  #                 ^ error corosync-wait-for-all: wait_for_all: 0 in a two-node cluster: after a cold start each node may fence the other
      auto_tie_breaker: 1
  #   ^^^^^^^^^^^^^^^^^^^ warning corosync-auto-tie-breaker-production: auto_tie_breaker: 1 lets half of the votes keep quorum when they hold the lowest node id: not for production
  }
  `,
    {
      rules: [
        'corosync-udpu-nodelist',
        'cluster-min-three-nodes',
        'corosync-two-node-consistency',
        'corosync-wait-for-all',
        'corosync-auto-tie-breaker-production',
      ],
    },
  );
  const four = SOUND.replace(
    '    node {\n        ring0_addr: 10.0.0.14',
    '    node {\n        ring0_addr: 10.0.0.15\n        nodeid: 4\n    }\n    node {\n        ring0_addr: 10.0.0.14',
  );
  assert.deepEqual(
    lintCorosync(four).findings.map((f) => `${f.rule}: ${f.message}`),
    ['cluster-even-node-count: the nodelist has 4 votes; a 2:2 split leaves no side with the 3 needed for quorum'],
  );
});

test("corosync 1/2 files: errors for corosync 3 (every supported distribution's), quiet when the project says corosync: 2", () => {
  const old = `totem {
      version: 2
      transport: udp
      interface {
          ringnumber: 0
          bindnetaddr: 10.0.0.0
          mcastaddr: 239.255.42.1
      }
  }
  service {
      name: pacemaker
      ver: 1
  }
  aisexec {
      user: root
  }
  amf {
      mode: disabled
  }
  `;
  const found = (config?: { rules: {}; corosync: 2 | 3 }) =>
    lintCorosync(dedent(old), config)
      .findings.filter((f) => ['corosync-udpu-nodelist', 'corosync-unknown-key'].includes(f.rule))
      .map((f) => `${f.severity} ${f.rule}: ${f.message}`);
  assert.deepEqual(found(), [
    "error corosync-udpu-nodelist: transport udp and no nodelist: corosync 3 finds its own node in the nodelist and refuses to start without one ('No valid name found for local host'); this is a corosync 1/2 file (say `corosync: 2` in .openstack-ha.yaml if that is what runs)",
    'warning corosync-unknown-key: corosync 3 ignores the service block: corosync 3 has no service plugins, so it does not start Pacemaker; run pacemaker.service on its own',
    'warning corosync-unknown-key: corosync 3 ignores the aisexec block: corosync 3 runs as root and takes no user or group from the file',
    'warning corosync-unknown-key: corosync 3 ignores the amf block: the AMF service is gone from corosync 3',
  ]);
  assert.deepEqual(found({ rules: {}, corosync: 2 }), []);
});

test('two rings: corosync 3 wants every node named', () =>
  checkCoro(
    `
  nodelist {
      node {
  #   ^^^^ error corosync-udpu-nodelist: this node has no name, and the nodelist has a second ring: corosync 3 refuses a multi-link configuration where a node has no name
          ring0_addr: 10.0.0.12
          ring1_addr: 10.1.0.12
          nodeid: 1
      }
      node {
          name: c2
          ring0_addr: 10.0.0.13
          ring1_addr: 10.1.0.13
          nodeid: 2
      }
  }
  `,
    { rules: ['corosync-udpu-nodelist'] },
  ));
