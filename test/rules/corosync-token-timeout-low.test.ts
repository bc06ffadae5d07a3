import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCoro, fixedCoro } from '../support/fixture';

test('token timeout, secauth, votequorum provider and wait_for_all', () =>
  checkCoro(
    `
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
  `,
    { rules: ['corosync-token-timeout-low', 'corosync-secauth-off', 'corosync-votequorum', 'corosync-wait-for-all'] },
  ));

test("fixes keep the block's indentation", () => {
  assert.equal(
    fixedCoro(
      'totem {\n    version: 2\n    token: 3000\n    token_retransmits_before_loss_const: 10\n    secauth: on\n}\n',
      'corosync-token-timeout-low',
    ),
    'totem {\n    version: 2\n    token: 10000\n    token_retransmits_before_loss_const: 10\n    secauth: on\n}\n',
  );
  assert.equal(
    fixedCoro(
      'totem {\n  secauth: on\n  token: 10000\n  token_retransmits_before_loss_const: 10\n  interface {\n    ringnumber: 0\n  }\n  interface {\n    ringnumber: 1\n  }\n}\n',
      'corosync-rrp-mode-required',
    ),
    'totem {\n  rrp_mode: active\n  secauth: on\n  token: 10000\n  token_retransmits_before_loss_const: 10\n  interface {\n    ringnumber: 0\n  }\n  interface {\n    ringnumber: 1\n  }\n}\n',
  );
});
