import { test } from 'node:test';
import { TWO_NODES } from '../support/topologies';
import { check } from '../support/fixture';

const rules = ['api-single-instance'];

test('fires on an API on a single node, catalogue or declared stateless with a port', () =>
  check(
    TWO_NODES +
      `
  services:
    keystone: { on: [a], mode: active-active }
  #                 ^^^ warning api-single-instance: keystone runs on one node (a): the API is down whenever that node is; run it on every controller behind the balancer
    my-api: { on: [b], stateful: false, port: 8443 }
  #               ^^^ warning api-single-instance: my-api runs on one node (b): the API is down whenever that node is; run it on every controller behind the balancer
  `,
    { rules },
  ));

test('does not fire for APIs on several nodes, workers, or per-node services', () =>
  check(
    TWO_NODES +
      `
  services:
    keystone: { on: [a, b], mode: active-active }
    nova-scheduler: { on: [a] }
    nova-compute: { on: [a], mode: per-node }
    neutron-metadata-agent: { on: [a], mode: per-node }
  `,
    { rules },
  ));
