import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCoro, fixedCoro } from '../support/fixture';

test('wait_for_all unset is a note; turned off in a two-node cluster it is an error', () => {
  checkCoro(
    `
  quorum {
  #^^^^^ info corosync-wait-for-all: wait_for_all is not set: after a cold start a partition may become quorate before every node has joined
      provider: corosync_votequorum
  }
  `,
    { rules: ['corosync-wait-for-all'] },
  );
  checkCoro(
    `
  nodelist {
      node {
          ring0_addr: 10.0.0.1
          nodeid: 1
      }
      node {
          ring0_addr: 10.0.0.2
          nodeid: 2
      }
  }
  quorum {
      provider: corosync_votequorum
      two_node: 1
      wait_for_all: 0
  #                 ^ error corosync-wait-for-all: wait_for_all: 0 in a two-node cluster: after a cold start each node may fence the other
  }
  `,
    { rules: ['corosync-wait-for-all'] },
  );
});

test('two_node: 1 implies wait_for_all; the fix sets it in the quorum block', () => {
  checkCoro('quorum {\n    provider: corosync_votequorum\n    two_node: 1\n}\n', { rules: ['corosync-wait-for-all'] });
  assert.equal(
    fixedCoro('quorum {\n    provider: corosync_votequorum\n}\n', 'corosync-wait-for-all'),
    'quorum {\n    wait_for_all: 1\n    provider: corosync_votequorum\n}\n',
  );
});
