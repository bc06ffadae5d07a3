import { KNOWN_RELEASES } from '../../knowledge/options/catalog';
/**
 * The HA manifest format v1 (../shared/spec/manifest.md) as data. One description drives schema
 * diagnostics, hover on keys, completion, and the shipped JSON Schema (schemas/openstack-ha.schema.json).
 */
import { MODES } from '../../knowledge/services';
import { ENVIRONMENTS } from '../../types';

export type RefKind = 'node' | 'cluster' | 'vip';

interface Base {
  description: string;
  topic?: string;
  deprecated?: string;
}
export interface StringSchema extends Base {
  type: 'string';
  enum?: readonly string[];
  format?: 'ip';
  ref?: RefKind;
  const?: string;
}
export interface IntegerSchema extends Base {
  type: 'integer';
  minimum?: number;
  maximum?: number;
}
export interface BooleanSchema extends Base {
  type: 'boolean';
}
export interface ListSchema extends Base {
  type: 'list';
  items: Schema;
}
/** A mapping with fixed keys (`fields`) or keyed by user names (`values`). */
export interface MapSchema extends Base {
  type: 'map';
  fields?: Record<string, Schema>;
  required?: readonly string[];
  values?: Schema;
  /** What the user-chosen keys name, for hover and symbols. */
  keyKind?: 'node' | 'cluster' | 'vip' | 'service';
}
/** A value that may take one of several shapes (e.g. `on`: a cluster name or a list of nodes). */
export interface UnionSchema extends Base {
  type: 'union';
  options: readonly Schema[];
}
export type Schema = StringSchema | IntegerSchema | BooleanSchema | ListSchema | MapSchema | UnionSchema;

export const ROLES = ['controller', 'compute', 'network', 'storage', 'database', 'messaging', 'loadbalancer'] as const;
export const MANAGERS = ['pacemaker', 'keepalived', 'none'] as const;
export const QDEVICE_ALGORITHMS = ['ffsplit', 'lms'] as const;
export const TIE_BREAKERS = ['lowest', 'highest'] as const;
export const PARTITION_HANDLINGS = ['ignore', 'pause_minority', 'autoheal'] as const;
export const NO_QUORUM_POLICIES = ['stop', 'freeze', 'demote', 'ignore', 'suicide'] as const;
export const TRANSPORTS = ['knet', 'udpu', 'udp'] as const;
export const BACKENDS = ['file', 'lvm', 'ceph', 'rbd', 'swift', 'nfs', 'cinder', 's3', 'http', 'netapp', 'pure', 'powerstore'] as const;
/** Backends that keep data on the node's own disks. */
export const NODE_LOCAL_BACKENDS: readonly string[] = ['file', 'lvm'];

const nodeName: StringSchema = { type: 'string', ref: 'node', description: 'A node name defined under `nodes`.' };
/** Read by `openstack-ha simulate` only; the checks and the other tools do not need it. */
const SIM = ' Optional, for `openstack-ha simulate`.';
const vipName: StringSchema = { type: 'string', ref: 'vip', description: 'A VIP name defined under `vips`.' };

export const NODE: MapSchema = {
  type: 'map',
  description: 'A host of the deployment.',
  required: ['address'],
  fields: {
    address: { type: 'string', format: 'ip', description: "The node's management address (IPv4 or IPv6)." },
    roles: {
      type: 'list',
      description: 'What the node does. Controllers run the control plane and count for HA checks.',
      items: { type: 'string', enum: ROLES, description: 'A node role.' },
    },
    failure_domain: {
      type: 'string',
      topic: 'failure-domain',
      description: 'The rack, power feed or room this node shares fate with. Nodes of one domain are assumed to fail together.',
    },
    interfaces: {
      type: 'list',
      topic: 'network-redundancy',
      description: 'The NICs on the management network.',
      items: { type: 'string', description: 'A NIC name.' },
    },
    bond: { type: 'boolean', topic: 'network-redundancy', description: '`true` when the listed interfaces are bonded.' },
  },
};

export const COROSYNC: MapSchema = {
  type: 'map',
  topic: 'corosync',
  description: 'Corosync settings of a Pacemaker cluster.',
  fields: {
    transport: {
      type: 'string',
      enum: TRANSPORTS,
      description: 'Corosync transport: `knet` (corosync 3), `udpu` (unicast) or `udp` (multicast).',
    },
    two_node: {
      type: 'boolean',
      topic: 'two-node-cluster',
      description: 'votequorum two_node mode: lets a two-member cluster keep quorum with one node. Only for exactly two members.',
    },
    wait_for_all: {
      type: 'boolean',
      topic: 'two-node-cluster',
      description: 'Hold quorum at a cold start until every member has been seen once.',
    },
    token: {
      type: 'integer',
      minimum: 1,
      topic: 'corosync-token',
      description: 'totem token timeout in milliseconds (the guide uses 10000).',
    },
    token_retransmits: {
      type: 'integer',
      minimum: 1,
      topic: 'corosync-token',
      description: 'token_retransmits_before_loss_const (the guide uses 10).',
    },
    expected_votes: {
      type: 'integer',
      minimum: 1,
      topic: 'quorum',
      description:
        "votequorum expected_votes: the votes quorum is measured against, instead of the members' votes plus the device's." + SIM,
    },
    last_man_standing: {
      type: 'boolean',
      topic: 'quorum',
      description: 'votequorum last_man_standing: after a loss settles, expected votes drop to the votes still present.' + SIM,
    },
    auto_tie_breaker: {
      type: 'boolean',
      topic: 'quorum',
      description: 'votequorum auto_tie_breaker: a side with exactly half the votes keeps quorum if it holds the tie-breaker node.' + SIM,
    },
    auto_tie_breaker_node: {
      type: 'union',
      topic: 'quorum',
      description:
        'Which node breaks a tie: `lowest` (the default), `highest` (by position in `members`), or a list of member names in order.' + SIM,
      options: [
        { type: 'string', enum: TIE_BREAKERS, description: '`lowest` or `highest`: the first or last member.' },
        { type: 'list', items: nodeName, description: 'Member names, the first alive one breaking the tie.' },
      ],
    },
  },
};

export const QUORUM_DEVICE: MapSchema = {
  type: 'map',
  topic: 'quorum',
  description: 'A corosync-qnetd quorum device with its algorithm.',
  required: ['host'],
  fields: {
    host: { type: 'string', description: 'Where corosync-qnetd runs (host name or address).' },
    algorithm: {
      type: 'string',
      enum: QDEVICE_ALGORITHMS,
      description:
        "`ffsplit` (the default: 1 vote, to the larger side of a split) or `lms` (last man standing: the members' votes minus 1, to the side that reaches qnetd).",
    },
    votes: {
      type: 'integer',
      minimum: 1,
      description: "The device's votes: 1 with `ffsplit` (the only value it takes), the members' votes minus 1 with `lms` when unset.",
    },
  },
};

export const FENCE_DEVICE: MapSchema = {
  type: 'map',
  topic: 'fencing-stonith',
  description: 'A fence device of a Pacemaker cluster.' + SIM,
  required: ['name'],
  fields: {
    name: { type: 'string', description: 'The stonith resource name.' },
    targets: { type: 'list', items: nodeName, description: 'The members it can fence (every member when unset).' },
    node: {
      ...nodeName,
      description: 'The node it sits in and dies with (a BMC: IPMI, iLO, iDRAC), when it does.',
    },
    failure_domain: {
      type: 'string',
      topic: 'failure-domain',
      description: 'The failure domain that powers it (a PDU or switch in rack-a), when losing that domain takes it down.',
    },
  },
};

export const CLUSTER: MapSchema = {
  type: 'map',
  description: 'A group of nodes with shared membership and quorum.',
  required: ['members'],
  fields: {
    manager: {
      type: 'string',
      enum: MANAGERS,
      topic: 'keepalived-vs-pacemaker',
      description:
        'What manages the cluster: `pacemaker` (quorum, fencing, resources; the default), `keepalived` (VRRP, VIPs only) or `none`.',
    },
    members: { type: 'list', items: nodeName, topic: 'odd-cluster-size', description: 'The member nodes; each has one vote.' },
    stonith: { type: 'boolean', topic: 'fencing-stonith', description: 'Pacemaker only: fencing is configured and enabled.' },
    no_quorum_policy: {
      type: 'string',
      enum: NO_QUORUM_POLICIES,
      topic: 'no-quorum-policy',
      description: 'Pacemaker only: what a partition without quorum does (`stop` is the default and the safe choice).',
    },
    corosync: COROSYNC,
    quorum_device: {
      type: 'union',
      topic: 'quorum',
      description:
        'A corosync-qnetd quorum device: its host name or address (algorithm ffsplit, one vote), or `{ host, algorithm: ffsplit | lms, votes }`.',
      options: [{ type: 'string', description: 'The qnetd host name or address (algorithm ffsplit, one vote).' }, QUORUM_DEVICE],
    },
    fencing: {
      type: 'list',
      topic: 'fencing-stonith',
      description: 'Pacemaker only: the fence devices, with what each needs alive to work.' + SIM,
      items: FENCE_DEVICE,
    },
    priorities: {
      type: 'map',
      topic: 'keepalived',
      description:
        'keepalived only: the VRRP priority of each member (1-255; 100 when unset; the highest wins, then the highest address).' + SIM,
      values: { type: 'integer', minimum: 1, maximum: 255, description: 'The VRRP priority of this member (1-255).' },
    },
    nopreempt: {
      type: 'boolean',
      topic: 'keepalived',
      description: 'keepalived only: `nopreempt`, a returning member with a higher priority does not take the VIPs back.' + SIM,
    },
  },
};

export const VIP: MapSchema = {
  type: 'map',
  topic: 'vip',
  description: 'A virtual IP that moves between the nodes of a cluster.',
  required: ['address'],
  fields: {
    address: { type: 'string', format: 'ip', description: 'The virtual address.' },
    cidr: { type: 'integer', minimum: 0, maximum: 128, description: "The prefix length of the VIP's network." },
    cluster: {
      type: 'string',
      ref: 'cluster',
      description: 'The cluster that moves this VIP; its `manager` says whether Pacemaker or keepalived does.',
    },
    vrid: {
      type: 'integer',
      minimum: 1,
      maximum: 255,
      topic: 'keepalived',
      description: 'keepalived virtual_router_id (1-255), unique per VIP on the segment.',
    },
  },
};

export const SERVICE: MapSchema = {
  type: 'map',
  description: 'Where and how a service runs.',
  fields: {
    on: {
      type: 'union',
      description: 'Where it runs: a cluster name, or a list of node names.',
      options: [
        { type: 'string', ref: 'cluster', description: 'A cluster name defined under `clusters`.' },
        { type: 'list', items: nodeName, description: 'Node names defined under `nodes`.' },
      ],
    },
    mode: {
      type: 'string',
      enum: MODES,
      topic: 'active-active',
      description: 'How its instances share the work: `active-active`, `active-passive`, `clustered`, `client-side` or `per-node`.',
    },
    vip: { ...vipName, topic: 'vip', description: 'The VIP clients use to reach the service.' },
    vips: { type: 'list', items: vipName, topic: 'vip', description: 'The VIPs the service serves (the balancer binds several).' },
    port: { type: 'integer', minimum: 1, maximum: 65535, description: 'The port clients use (well-known services have a default).' },
    stateful: {
      type: 'boolean',
      topic: 'stateless-vs-stateful',
      description: 'Whether the service keeps state; needed only for services outside the catalogue.',
    },
    balancer: {
      type: 'string',
      topic: 'haproxy',
      description: 'The service that balances it (`haproxy` by default for active-active services with a port), or `none`.',
    },
    backend: {
      type: 'string',
      enum: BACKENDS,
      topic: 'shared-storage',
      description: 'Where a storage service keeps its data: `ceph`, `swift`, `nfs`, ... or node-local `file`/`lvm`.',
    },
    weights: {
      type: 'map',
      topic: 'galera',
      description: 'galera only: `pc.weight` of each node (0-255, 1 when unset), for the primary-component arithmetic.' + SIM,
      values: { type: 'integer', minimum: 0, maximum: 255, description: 'The pc.weight of this node (0-255).' },
    },
    ignore_split_brain: {
      type: 'boolean',
      topic: 'galera',
      description: 'galera only: `pc.ignore_sb`, an exact half stays primary, so both halves of an even split accept writes.' + SIM,
    },
    version: {
      type: 'string',
      topic: 'rabbitmq-cluster',
      description:
        'rabbitmq only: the RabbitMQ version, quoted (`"3.13"`, `"4.1"`): before 4.2 it keeps metadata in Mnesia, from 4.2 in Khepri (Raft).' +
        SIM,
    },
    partition_handling: {
      type: 'string',
      enum: PARTITION_HANDLINGS,
      topic: 'rabbitmq-cluster',
      description: 'rabbitmq before 4.2 (Mnesia) only: `cluster_partition_handling` (`ignore` is the default).' + SIM,
    },
    queue_replicas: {
      type: 'integer',
      minimum: 1,
      topic: 'rabbitmq-mirrored-vs-quorum-queues',
      description: 'rabbitmq only: the replicas of each quorum queue (`quorum_cluster_size`, 3 when unset).' + SIM,
    },
    quorum_queues: {
      type: 'boolean',
      topic: 'rabbitmq-mirrored-vs-quorum-queues',
      description: "rabbitmq only: whether the services' queues are quorum queues (true when unset)." + SIM,
    },
  },
};

export const MANIFEST: MapSchema = {
  type: 'map',
  description: 'An OpenStack HA manifest.',
  required: ['apiVersion', 'kind'],
  fields: {
    apiVersion: {
      type: 'string',
      const: 'openstack-ha/v1',
      enum: ['openstack-ha/v1'],
      description: 'The format version: `openstack-ha/v1`.',
    },
    kind: { type: 'string', const: 'Deployment', enum: ['Deployment'], description: 'The document kind: `Deployment`.' },
    metadata: {
      type: 'map',
      description: 'About the deployment.',
      fields: {
        name: { type: 'string', description: "The deployment's name (a region or site)." },
        environment: {
          type: 'string',
          enum: ENVIRONMENTS,
          description:
            'production (default) or staging keep every rule; `test` and `demo` relax the production-only ones (fencing, minimum sizes).',
        },
        release: {
          type: 'string',
          enum: KNOWN_RELEASES,
          description:
            "The OpenStack release the deployment runs: the service configs of its nodes are checked against that release's options (default: the newest the product ships).",
        },
      },
    },
    nodes: { type: 'map', keyKind: 'node', values: NODE, description: 'Every host, keyed by host name.' },
    clusters: {
      type: 'map',
      keyKind: 'cluster',
      values: CLUSTER,
      topic: 'quorum',
      description: 'Groups of nodes with shared membership and quorum, keyed by name.',
    },
    vips: { type: 'map', keyKind: 'vip', values: VIP, topic: 'vip', description: 'Virtual IPs, keyed by name.' },
    services: {
      type: 'map',
      keyKind: 'service',
      values: SERVICE,
      topic: 'stateless-vs-stateful',
      description: 'Services keyed by name; well-known names carry their defaults.',
    },
  },
};

/** Keys starting with `x-` are the user's own extensions and never reported as unknown. */
export function isExtensionKey(key: string): boolean {
  return key.startsWith('x-');
}
