/** Topologies many rule tests start from; each test adds the lines it is about. */
export const THREE_NODES = `
  nodes:
    a: { address: 10.0.0.1 }
    b: { address: 10.0.0.2 }
    c: { address: 10.0.0.3 }
`;

/** Two nodes, for the two-node rules. */
export const TWO_NODES = `
  nodes:
    a: { address: 10.0.0.1 }
    b: { address: 10.0.0.2 }
`;

/** Four nodes: an even cluster. */
export const FOUR_NODES =
  THREE_NODES +
  `
    d: { address: 10.0.0.4 }
`.replace(/^\n/, '');

/** Three controllers (10.0.0.12-14) in the Pacemaker cluster `ctl`. */
export const CONTROLLERS = `
  nodes:
    c1: { address: 10.0.0.12, roles: [controller] }
    c2: { address: 10.0.0.13, roles: [controller] }
    c3: { address: 10.0.0.14, roles: [controller] }
  clusters:
    ctl: { members: [c1, c2, c3] }
`;

/** THREE_NODES in a Pacemaker cluster `ctl`. */
export const THREE_NODE_CLUSTER =
  THREE_NODES +
  `
  clusters:
    ctl: { members: [a, b, c] }
`;

/** THREE_NODE_CLUSTER with the VIP `internal` moved by `ctl`. */
export const CLUSTER_WITH_VIP =
  THREE_NODE_CLUSTER +
  `
  vips:
    internal: { address: 10.0.0.11, cluster: ctl }
`;

import { lintManifest } from '../../server/src/engine/lint';
import { Topology, topologyFromManifest } from '../../server/src/engine/model/topology';

/**
 * The deployment most .conf/haproxy/keepalived/galera tests run against: three controllers
 * (10.0.0.12-14) in one cluster with the VIP `internal` (10.0.0.11), plus the given services, as
 * `site.ha.yaml` would describe it.
 */
export function deployment(opts: { names?: string[]; cluster?: string; manager?: string; services?: string } = {}): Topology {
  const names = opts.names ?? ['c1', 'c2', 'c3'];
  const cluster = opts.cluster ?? 'ctl';
  const text =
    [
      'apiVersion: openstack-ha/v1',
      'kind: Deployment',
      'nodes:',
      ...names.map((n, i) => `  ${n}: { address: 10.0.0.${12 + i}, roles: [controller] }`),
      'clusters:',
      `  ${cluster}: { manager: ${opts.manager ?? 'pacemaker'}, members: [${names.join(', ')}] }`,
      'vips:',
      `  internal: { address: 10.0.0.11, cluster: ${cluster} }`,
      ...(opts.services
        ? [
            'services:',
            ...opts.services
              .trim()
              .split('\n')
              .map((l) => `  ${l.trim()}`),
          ]
        : []),
    ].join('\n') + '\n';
  const m = lintManifest(text).manifest;
  if (!m) throw new Error(`the test deployment does not parse:\n${text}`);
  return topologyFromManifest(m, 'site.ha.yaml');
}
