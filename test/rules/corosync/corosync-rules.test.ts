/** The corosync.conf rules: each fires, stays quiet on a sound file, and fixes as shown. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCoro, dedent, fixedCoro } from '../../support/fixture';
import { applyEdits } from '../../../server/src/engine/fixes';
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
  #^^^^ error corosync-udpu-nodelist: no transport and no nodelist: corosync 3 finds its own node in the nodelist and refuses to start without one ('No valid name found for local host'); this is a corosync 1/2 file (say \`corosync: 2\` in .openstack-ha.yaml if that is what runs)
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
      auto_tie_breaker: 1
  #   ^^^^^^^^^^^^^^^^^^^ warning corosync-auto-tie-breaker-production: auto_tie_breaker: 1 lets half of the votes keep quorum when they hold the lowest node id: not for production
  }
  `, { rules: ['corosync-udpu-nodelist', 'cluster-min-three-nodes', 'corosync-two-node-consistency', 'corosync-wait-for-all', 'corosync-auto-tie-breaker-production'] });
  const four = SOUND.replace('    node {\n        ring0_addr: 10.0.0.14', '    node {\n        ring0_addr: 10.0.0.15\n        nodeid: 4\n    }\n    node {\n        ring0_addr: 10.0.0.14');
  assert.deepEqual(lintCorosync(four).findings.map((f) => `${f.rule}: ${f.message}`), ['cluster-even-node-count: the nodelist has 4 votes; a 2:2 split leaves no side with the 3 needed for quorum']);
});

test('corosync 1/2 files: errors for corosync 3 (every supported distribution\'s), quiet when the project says corosync: 2', () => {
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
  const found = (config?: { rules: {}; corosync: 2 | 3 }) => lintCorosync(dedent(old), config).findings.filter((f) => ['corosync-udpu-nodelist', 'corosync-unknown-key'].includes(f.rule)).map((f) => `${f.severity} ${f.rule}: ${f.message}`);
  assert.deepEqual(found(), [
    "error corosync-udpu-nodelist: transport udp and no nodelist: corosync 3 finds its own node in the nodelist and refuses to start without one ('No valid name found for local host'); this is a corosync 1/2 file (say `corosync: 2` in .openstack-ha.yaml if that is what runs)",
    'warning corosync-unknown-key: corosync 3 ignores the service block: corosync 3 has no service plugins, so it does not start Pacemaker; run pacemaker.service on its own',
    'warning corosync-unknown-key: corosync 3 ignores the aisexec block: corosync 3 runs as root and takes no user or group from the file',
    'warning corosync-unknown-key: corosync 3 ignores the amf block: the AMF service is gone from corosync 3',
  ]);
  assert.deepEqual(found({ rules: {}, corosync: 2 }), []);
});

test('two rings: corosync 3 wants every node named', () => checkCoro(`
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
  `, { rules: ['corosync-udpu-nodelist'] }));

test('placeholders from a sample in ring addresses', () => checkCoro(`
  nodelist {
      node {
          ring0_addr: <NODE1_IP_ADDRESS>
  #                   ^^^^^^^^^^^^^^^^^^ error placeholder-value: ring0_addr '<NODE1_IP_ADDRESS>' is a placeholder left from a sample (text in angle brackets), not a real value: corosync cannot resolve it and refuses to start
          nodeid: 1
      }
      node {
          ring0_addr: ctl2
          nodeid: 2
      }
  }
  `, { rules: ['placeholder-value'] }));

test('expected_votes overrides the nodelist: above it quorum is out of reach, below it a minority is quorate', () => {
  const nodes = (n: number) => Array.from({ length: n }, (_, i) => `    node {\n        ring0_addr: 10.0.0.${i + 1}\n        nodeid: ${i + 1}\n    }\n`).join('');
  const at = (n: number, ev: number, extra = '') => lintCorosync(`nodelist {\n${nodes(n)}}\nquorum {\n    provider: corosync_votequorum\n    expected_votes: ${ev}\n${extra}}\n`).findings
    .filter((f) => f.rule === 'corosync-votequorum').map((f) => `${f.severity}: ${f.message}`);
  assert.deepEqual(at(3, 3), []);
  assert.deepEqual(at(3, 7), ["error: expected_votes: 7 overrides the nodelist's 3 votes, so quorum needs 4: more votes than the nodelist has, so the cluster is never quorate"]);
  assert.deepEqual(at(3, 4), ["error: expected_votes: 4 overrides the nodelist's 3 votes, so quorum needs 3: every node must be up, so the cluster cannot lose a single node (with the nodelist's count it survives 1)"]);
  assert.deepEqual(at(5, 6), ["warning: expected_votes: 6 overrides the nodelist's 5 votes, so quorum needs 4: the cluster survives 1 failed node instead of 2"]);
  assert.deepEqual(at(4, 2), ["error: expected_votes: 2 overrides the nodelist's 4 votes, so quorum needs 2: until all 4 have been seen (at a cold start), both sides of a 2:2 split can be quorate and run the same resources"]);
  assert.deepEqual(at(5, 4), ["warning: expected_votes: 4 overrides the nodelist's 5 votes, so quorum needs 3: corosync uses the lower count until all 5 votes have been seen; drop the line and let the nodelist count them"]);
  // two_node sets quorum itself; corosync-two-node-consistency judges that
  assert.deepEqual(at(2, 2, '    two_node: 1\n'), []);
  const text = `nodelist {\n${nodes(3)}}\nquorum {\n    provider: corosync_votequorum\n    expected_votes: 7\n}\n`;
  const f = lintCorosync(text).findings.find((x) => x.rule === 'corosync-votequorum')!;
  assert.equal(applyEdits(text, f.fixes[0].edits), text.replace('    expected_votes: 7\n', ''));
});

test('two nodes with two_node: 1 are supported: the nodelist\'s size is information on what it costs', () => {
  const text = `nodelist {\n    node {\n        ring0_addr: 10.0.0.1\n        nodeid: 1\n    }\n    node {\n        ring0_addr: 10.0.0.2\n        nodeid: 2\n    }\n}\nquorum {\n    provider: corosync_votequorum\n    two_node: 1\n}\n`;
  assert.deepEqual(lintCorosync(text).findings.map((f) => `${f.severity} ${f.rule}: ${f.message}`), [
    'info cluster-min-three-nodes: the nodelist has 2 votes with two_node: 1: a 1:1 split keeps both nodes quorate and fencing decides which survives (a fence race: give one node a fencing delay); after both stop, wait_for_all keeps the cluster down until both are back. A third node or a quorum device avoids the race',
  ]);
  // quorum_votes count: two nodes with two votes each are four votes
  assert.match(lintCorosync(text.replace('nodeid: 1\n', 'nodeid: 1\n        quorum_votes: 2\n').replace('nodeid: 2\n', 'nodeid: 2\n        quorum_votes: 2\n').replace('    two_node: 1\n', '')).findings.map((f) => f.message).join('\n'), /the nodelist has 4 votes; a 2:2 split/);
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
