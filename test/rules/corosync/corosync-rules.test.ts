/** The corosync.conf rules: each fires, stays quiet on a sound file, and fixes as shown. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCoro, fixedCoro } from '../../support/fixture';
import { lintCorosync } from '../../../server/src/engine/lint';

const SOUND = `
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

test('a sound corosync 3 file has no finding', () => {
  assert.deepEqual(lintCorosync(SOUND).findings.map((f) => `${f.rule}: ${f.message}`), []);
});

test('token timeout, secauth, votequorum provider and wait_for_all', () => checkCoro(`
  totem {
      version: 2
      token: 3000
  #          ^^^^ warning corosync-token-timeout-low: totem has token 3000 ms and 4 retransmits (the default): a network blip longer than about 3000 ms is taken for a dead node; the guide uses token 10000 with 10 retransmits
      secauth: off
  #            ^^^ warning corosync-secauth-off: secauth: off: cluster traffic is neither authenticated nor encrypted
  }
  quorum {
  #^^^^^ warning corosync-votequorum: the quorum block has no provider: votequorum is off
  #^^^^^ info corosync-wait-for-all: wait_for_all is not set: after a cold start a partition may become quorate before every node has joined
      expected_votes: 3
  }
  `, { rules: ['corosync-token-timeout-low', 'corosync-secauth-off', 'corosync-votequorum', 'corosync-wait-for-all'] }));

test('rings: rrp_mode, ring numbers, multicast scope, broadcast with mcastaddr', () => checkCoro(`
  totem {
  #^^^^ error corosync-rrp-mode-required: totem has 2 interfaces but rrp_mode is not set (none): only one ring is used, and losing its network loses the cluster
      secauth: on
      token: 10000
      token_retransmits_before_loss_const: 10
      interface {
          ringnumber: 0
          mcastaddr: 226.94.1.1
  #                  ^^^^^^^^^^ warning corosync-mcastaddr-scope: mcastaddr 226.94.1.1 is outside 239.0.0.0/8, the administratively scoped multicast range (RFC 2365)
      }
      interface {
          ringnumber: 0
  #                   ^ error corosync-ringnumber-unique: ringnumber 0 is already used by interface 1
          broadcast: yes
          mcastaddr: 239.255.42.2
  #       ^^^^^^^^^^^^^^^^^^^^^^^ error corosync-broadcast-excludes-mcastaddr: this interface sets broadcast: yes and mcastaddr 239.255.42.2; with broadcast, mcastaddr must go
      }
  }
  `, { rules: ['corosync-rrp-mode-required', 'corosync-ringnumber-unique', 'corosync-mcastaddr-scope', 'corosync-broadcast-excludes-mcastaddr'] }));

test('nodelist: udpu without one, a node without ring0_addr, nodeid 0, IPv6 without nodeid; sizes', () => {
  checkCoro(`
  totem {
      transport: udpu
  #              ^^^^ error corosync-udpu-nodelist: transport udpu needs a nodelist with every member; there is none
  }
  `, { rules: ['corosync-udpu-nodelist'] });
  // knet, and no transport at all (corosync 3's default is knet; the old guide's multicast file only runs on corosync 2)
  checkCoro(`
  totem {
      transport: knet
  #              ^^^^ error corosync-udpu-nodelist: transport knet needs a nodelist with every member; there is none
  }
  `, { rules: ['corosync-udpu-nodelist'] });
  checkCoro(`
  totem {
  #^^^^ warning corosync-udpu-nodelist: no transport and no nodelist: corosync 3 uses knet by default, which needs a nodelist with every member, and refuses to start ('No valid name found for local host'); this file only works on corosync 2
      version: 2
      interface {
          ringnumber: 0
          bindnetaddr: 10.0.0.0
          mcastaddr: 239.255.42.1
      }
  }
  `, { rules: ['corosync-udpu-nodelist'] });
  checkCoro(`
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
      last_man_standing: 1
  #   ^^^^^^^^^^^^^^^^^^^^ warning corosync-auto-tie-breaker-production: last_man_standing: 1 lets quorum shrink below a majority of the configured nodes; not for production
  }
  `, { rules: ['corosync-udpu-nodelist', 'cluster-min-three-nodes', 'corosync-two-node-consistency', 'corosync-wait-for-all', 'corosync-auto-tie-breaker-production'] });
  const four = SOUND.replace('    node {\n        ring0_addr: 10.0.0.14', '    node {\n        ring0_addr: 10.0.0.15\n        nodeid: 4\n    }\n    node {\n        ring0_addr: 10.0.0.14');
  assert.deepEqual(lintCorosync(four).findings.map((f) => `${f.rule}: ${f.message}`), ['cluster-even-node-count: the nodelist has 4 votes; a 2:2 split leaves no side with the 3 needed for quorum']);
});

test('fixes keep the block\'s indentation', () => {
  assert.equal(fixedCoro('totem {\n    version: 2\n    token: 3000\n    token_retransmits_before_loss_const: 10\n    secauth: on\n}\n', 'corosync-token-timeout-low'),
    'totem {\n    version: 2\n    token: 10000\n    token_retransmits_before_loss_const: 10\n    secauth: on\n}\n');
  assert.equal(fixedCoro('totem {\n  secauth: on\n  token: 10000\n  token_retransmits_before_loss_const: 10\n  interface {\n    ringnumber: 0\n  }\n  interface {\n    ringnumber: 1\n  }\n}\n', 'corosync-rrp-mode-required'),
    'totem {\n  rrp_mode: active\n  secauth: on\n  token: 10000\n  token_retransmits_before_loss_const: 10\n  interface {\n    ringnumber: 0\n  }\n  interface {\n    ringnumber: 1\n  }\n}\n');
});

test('an unclosed block and a stray line are parse errors', () => {
  assert.deepEqual(lintCorosync('totem {\n  version 2\n').findings.filter((f) => f.rule === 'parse-error').map((f) => f.message),
    ["block 'totem' is not closed (missing })", "'version 2' is neither 'key: value', 'name {' nor '}'"]);
});

test('crypto with a transport other than knet, a duplicate nodeid, a non-numeric value', () => {
  const text = SOUND.replace('transport: knet', 'transport: udpu').replace('nodeid: 2', 'nodeid: 1').replace('token: 10000', 'token: ten');
  assert.deepEqual(lintCorosync(text).findings.map((f) => `${f.rule} ${f.severity}: ${f.message}`), [
    'corosync-secauth-off error: crypto_cipher and crypto_hash work only with the knet transport; with udpu corosync refuses to start',
    "parse-error error: totem.token must be a whole number, not 'ten'",
    'corosync-udpu-nodelist error: nodeid 1 is already used by node 1 of the nodelist; corosync refuses to start',
  ]);
});

test('corosync-unknown-key: a misspelt key or block is ignored by corosync (a warning, with a fix); a transport or crypto value it refuses is an error', () => {
  checkCoro(`
  totem {
      version: 2
      tokn: 10000
  #   ^^^^ warning corosync-unknown-key: corosync does not know 'tokn' (did you mean token?): corosync 3.1.7-1+deb12u2 ignores it and keeps the default
      transport: knot
  #              ^^^^ error corosync-unknown-key: transport: knot is not one of knet, udp, udpu: corosync refuses to start
      crypto_cipher: aes257
  #                  ^^^^^^ error corosync-unknown-key: crypto_cipher: aes257 is not one of none, aes256, aes192, aes128: corosync refuses to start
      rrp_mode: passive
      interface {
          ringnumber: 0
      }
  }
  quorom {
  #^^^^^ warning corosync-unknown-key: corosync does not know the block 'quorom' (did you mean quorum?): corosync 3.1.7-1+deb12u2 ignores it and everything in it
      provider: corosync_votequorum
  }
  `, { rules: ['corosync-unknown-key'] });
  assert.equal(fixedCoro('totem {\n    tokn: 10000\n}\n', 'corosync-unknown-key'), 'totem {\n    token: 10000\n}\n');
});
