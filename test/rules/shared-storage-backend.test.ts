import { test } from 'node:test';
import { THREE_NODE_CLUSTER, TWO_NODES } from '../support/topologies';
import { check } from '../support/fixture';

const rules = ['shared-storage-backend'];

test('fires on node-local backends across several nodes', () =>
  check(
    THREE_NODE_CLUSTER +
      `
  services:
    glance-api: { on: ctl, mode: active-active, backend: file }
  #                                                      ^^^^ warning shared-storage-backend: glance-api keeps its data on 'file', local to each of its 3 nodes: an image uploaded through one node is missing on the other 2
    cinder-volume: { on: [a, b], mode: active-passive, backend: lvm }
  #                                                             ^^^ warning shared-storage-backend: cinder-volume keeps its data on 'lvm', local to each of its 2 nodes: after a failover the surviving node cannot reach the volumes of the failed one
  `,
    { rules },
  ));

test('shared backends, or a single node, do not fire', () =>
  check(
    TWO_NODES +
      `
  services:
    glance-api: { on: [a, b], backend: ceph }
    cinder-volume: { on: [a], backend: lvm }
  `,
    { rules },
  ));
