import { test } from 'node:test';
import { check } from '../support/fixture';

const rules = ['shared-storage-backend'];

test('fires on node-local backends across several nodes', () => check(`
  nodes:
    a: { address: 10.0.0.1 }
    b: { address: 10.0.0.2 }
    c: { address: 10.0.0.3 }
  clusters:
    ctl: { members: [a, b, c] }
  services:
    glance-api: { on: ctl, mode: active-active, backend: file }
  #                                                      ^^^^ warning shared-storage-backend: glance-api keeps its data on 'file', local to each of its 3 nodes: an image uploaded through one node is missing on the other 2
    cinder-volume: { on: [a, b], mode: active-passive, backend: lvm }
  #                                                             ^^^ warning shared-storage-backend: cinder-volume keeps its data on 'lvm', local to each of its 2 nodes: after a failover the surviving node cannot reach the volumes of the failed one
  `, { rules }));

test('shared backends, or a single node, do not fire', () => check(`
  nodes:
    a: { address: 10.0.0.1 }
    b: { address: 10.0.0.2 }
  services:
    glance-api: { on: [a, b], backend: ceph }
    cinder-volume: { on: [a], backend: lvm }
  `, { rules }));
