/** Topologies many rule tests start from; each test adds the lines it is about. */
export const THREE_NODES = `
  nodes:
    a: { address: 10.0.0.1 }
    b: { address: 10.0.0.2 }
    c: { address: 10.0.0.3 }
`;

/** THREE_NODES in a Pacemaker cluster `ctl`. */
export const THREE_NODE_CLUSTER = THREE_NODES + `
  clusters:
    ctl: { members: [a, b, c] }
`;

/** THREE_NODE_CLUSTER with the VIP `internal` moved by `ctl`. */
export const CLUSTER_WITH_VIP = THREE_NODE_CLUSTER + `
  vips:
    internal: { address: 10.0.0.11, cluster: ctl }
`;
