import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCoro, fixedCoro } from '../support/fixture';

const node = (i: number) => `    node {\n        ring0_addr: 10.0.0.${i}\n        nodeid: ${i}\n    }\n`;
const nodelist = (n: number) => `nodelist {\n${Array.from({ length: n }, (_, i) => node(i + 1)).join('')}}\n`;

test('two nodes without two_node: 1 is an error, with a fix; two_node: 1 over three nodes is a warning', () => {
  checkCoro(
    nodelist(2) +
      [
        'quorum {',
        '#^^^^^ error corosync-two-node-consistency: the nodelist has 2 nodes but two_node is not 1: after a 1:1 split neither node keeps quorum',
        '    provider: corosync_votequorum',
        '}',
      ].join('\n'),
    { rules: ['corosync-two-node-consistency'] },
  );
  checkCoro(
    nodelist(3) +
      [
        'quorum {',
        '    provider: corosync_votequorum',
        '    two_node: 1',
        '#             ^ warning corosync-two-node-consistency: two_node: 1 with 3 nodes: corosync ignores it above two nodes',
        '}',
      ].join('\n'),
    { rules: ['corosync-two-node-consistency'] },
  );
  assert.equal(
    fixedCoro(nodelist(2) + 'quorum {\n    provider: corosync_votequorum\n}\n', 'corosync-two-node-consistency'),
    nodelist(2) + 'quorum {\n    two_node: 1\n    provider: corosync_votequorum\n}\n',
  );
});

test('two nodes with two_node: 1, and three without it, are consistent', () => {
  checkCoro(nodelist(2) + 'quorum {\n    provider: corosync_votequorum\n    two_node: 1\n}\n', {
    rules: ['corosync-two-node-consistency'],
  });
  checkCoro(nodelist(3) + 'quorum {\n    provider: corosync_votequorum\n}\n', { rules: ['corosync-two-node-consistency'] });
});

test('two nodes with a quorum device (qdevice) need no two_node: the device is the third vote', () => {
  checkCoro(
    nodelist(2) +
      'quorum {\n    provider: corosync_votequorum\n    device {\n        model: net\n        net {\n            host: qnetd.example.net\n            algorithm: ffsplit\n        }\n    }\n}\n',
    { rules: ['corosync-two-node-consistency'] },
  );
});
