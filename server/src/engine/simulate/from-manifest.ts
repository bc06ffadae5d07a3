/**
 * The failure simulator's model read from an HA manifest (issue 13). Pure: the caller passes the
 * manifest's workspace path, used for every Place and as the model's source.
 *
 * What the manifest leaves unsaid is filled with the tools' defaults, and each default that changes an
 * answer is said once in `assumptions` (stonith on, keepalived priority 100, the RabbitMQ store).
 */
import type { Span } from '../types';
import type { ClusterDef, Manifest, NodeDef, ServiceDef } from '../documents/manifest/model';
import { serviceNodes, servicePort, serviceVipNames } from '../documents/manifest/queries';
import { entries, scalarString } from '../documents/manifest/yaml-ast';
import { DEFAULT_BALANCER } from '../knowledge/services';
import type { Place, SimCluster, SimCorosync, SimKeepalived, SimMode, SimModel, SimNode, SimService, SimVip } from './model';
import type { TieBreaker, VotequorumConfig } from './votequorum';
import type { FenceDevice, PacemakerConfig } from './pacemaker';
import type { KeepalivedInstance } from './keepalived';
import type { PartitionHandling, RabbitConfig } from './rabbitmq';
import type { GaleraConfig } from './galera';

/** keepalived's `priority` when a vrrp_instance does not set one. */
export const DEFAULT_KEEPALIVED_PRIORITY = 100;

/** The first RabbitMQ minor release whose metadata store is Khepri by default (failure-math.md section 4). */
const KHEPRI_FROM = { major: 4, minor: 2 };

/** The object without its undefined fields, so a model compares and prints as written. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * A node's model entry, kept while the manifest model keeps its NodeDef (an edit re-reads one entry):
 * a manifest may hold thousands of nodes and failure-domain-loss reads it on every edit. The place
 * shares the NodeDef's span objects, which the incremental parse moves with the entry.
 */
const simNodes = new WeakMap<NodeDef, Map<string, SimNode>>();
function simNode(n: NodeDef, file: string): SimNode {
  let byFile = simNodes.get(n);
  if (!byFile) simNodes.set(n, (byFile = new Map()));
  let node = byFile.get(file);
  if (!node) {
    node = { name: n.name, roles: n.roles.map((r) => r.value), place: { file, span: n.keySpan, extent: n.span } };
    if (n.address) node.address = n.address.value;
    if (n.failureDomain) node.domain = n.failureDomain.value;
    byFile.set(file, node);
  }
  return node;
}

export function simModelFromManifest(m: Manifest, file: string): SimModel {
  // the key, for click-to-reveal; the whole entry, for the findings inside it
  const place = (span: Span, extent?: Span): Place => (extent ? { file, span, extent } : { file, span });
  const assumptions: string[] = [];

  const nodes: SimNode[] = [...m.nodes.values()].map((n) => simNode(n, file));

  const clusters: SimCluster[] = [];
  for (const c of m.clusters.values()) {
    unusedClusterFields(c, assumptions);
    if (c.manager === 'none') continue;
    const members = definedMembers(m, c, assumptions);
    clusters.push(
      c.manager === 'pacemaker'
        ? pacemakerCluster(m, c, members, place, assumptions)
        : keepalivedCluster(m, c, members, place, assumptions),
    );
  }

  const vips: SimVip[] = [...m.vips.values()].map((v) => {
    const owner = v.cluster ? m.clusters.get(v.cluster.value) : undefined;
    return defined({
      name: v.name,
      address: v.address?.value,
      cluster: owner && owner.manager !== 'none' ? owner.name : undefined,
      place: place(v.keySpan, v.span),
    });
  });

  const taken = new Set(clusters.map((c) => c.name));
  const services: SimService[] = [];
  for (const s of m.services.values()) {
    const mode = modeOf(s, assumptions);
    const on = serviceNodes(m, s).map((n) => n.name);
    unusedServiceFields(s, mode, assumptions);
    let cluster: string | undefined;
    if (mode === 'clustered' && (s.info?.name === 'galera' || s.info?.name === 'rabbitmq')) {
      // named after the service; a manifest cluster of that name keeps it, so the service's gets a suffix
      cluster = taken.has(s.name) ? `${s.name}-${s.info.name}` : s.name;
      taken.add(cluster);
      clusters.push(
        s.info.name === 'galera'
          ? { name: cluster, kind: 'galera', place: place(s.keySpan, s.span), config: galeraConfig(s, on) }
          : { name: cluster, kind: 'rabbitmq', place: place(s.keySpan, s.span), config: rabbitConfig(s, on, assumptions) },
      );
    } else if (mode === 'active-passive' && s.on?.kind === 'cluster' && m.clusters.get(s.on.ref.value)?.manager === 'pacemaker') {
      cluster = s.on.ref.value;
    }
    services.push(
      defined({
        name: s.name,
        mode,
        nodes: on,
        cluster,
        vips: serviceVipNames(s).filter((v) => m.vips.has(v)),
        balanced: isBalanced(s, mode) || undefined,
        place: place(s.keySpan, s.span),
      }),
    );
  }

  return { name: deploymentName(m, file), source: file, nodes, clusters, vips, services, assumptions };
}

function deploymentName(m: Manifest, file: string): string {
  const name = entries(m.doc, m.sections.get('metadata')?.value).find((e) => e.key === 'name');
  const written = scalarString(name?.value)?.value;
  return written || file.split(/[\\/]/).pop() || file;
}

/** The members defined under `nodes` (unknown-reference reports the others; the simulator cannot fail a host it does not know). */
function definedMembers(m: Manifest, c: ClusterDef, assumptions: string[]): string[] {
  const names = [...new Set((c.members?.items ?? []).map((i) => i.value))];
  const unknown = names.filter((n) => !m.nodes.has(n));
  if (unknown.length)
    assumptions.push(
      `cluster '${c.name}': ${unknown.map((n) => `'${n}'`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not defined under nodes, so left out`,
    );
  return names.filter((n) => m.nodes.has(n));
}

function pacemakerCluster(
  m: Manifest,
  c: ClusterDef,
  members: string[],
  place: (s: Span, extent?: Span) => Place,
  assumptions: string[],
): SimCorosync {
  const co = c.corosync;
  const device = c.quorumDevice;
  const quorum: VotequorumConfig = defined({
    nodes: members.map((name) => ({ name })),
    expectedVotes: co?.expectedVotes?.value,
    twoNode: co?.twoNode?.value,
    waitForAll: co?.waitForAll?.value,
    lastManStanding: co?.lastManStanding?.value,
    autoTieBreaker: co?.autoTieBreaker?.value,
    atbNode: tieBreaker(c, members),
    qdevice: device
      ? {
          algorithm: device.algorithm,
          // ffsplit has exactly one vote (the schema check reports any other); lms the members' votes minus one
          votes: device.algorithm === 'ffsplit' ? 1 : (device.votes?.value ?? Math.max(members.length - 1, 1)),
        }
      : undefined,
  });
  const stonith = c.stonith?.value ?? true;
  if (!c.stonith) assumptions.push(`cluster '${c.name}': stonith is not set, so fencing is taken as enabled (Pacemaker's default)`);
  const fencing = c.fencing?.flatMap((d): FenceDevice[] =>
    d.name
      ? [
          defined({
            name: d.name.value,
            targets: d.targets?.items.map((t) => t.value),
            hostNode: d.node?.value,
            domain: d.failureDomain?.value,
          }),
        ]
      : [],
  );
  if (stonith && !c.fencing) assumptions.push(`cluster '${c.name}': no fence devices are listed, so fencing is taken to succeed`);
  const pacemaker: PacemakerConfig = defined({
    nodes: members,
    noQuorumPolicy: c.noQuorumPolicy?.value as PacemakerConfig['noQuorumPolicy'],
    stonith,
    fencing,
  });
  return defined({
    name: c.name,
    kind: 'pacemaker' as const,
    place: place(c.keySpan, c.span),
    quorum,
    pacemaker,
    qnetdHost: device?.host ? nodeNamed(m, device.host.value) : undefined,
  });
}

/** A node of the manifest by name or address (qnetd on a node fails with it), else the host as written. */
function nodeNamed(m: Manifest, host: string): string {
  if (m.nodes.has(host)) return host;
  for (const n of m.nodes.values()) if (n.address?.value === host) return n.name;
  return host;
}

/** auto_tie_breaker_node: corosync takes node ids, which are the members' 1-based positions here. */
function tieBreaker(c: ClusterDef, members: string[]): TieBreaker | undefined {
  const atb = c.corosync?.autoTieBreakerNode;
  if (!atb) return undefined;
  if (!('items' in atb)) return atb.value;
  const ids = atb.items.map((i) => members.indexOf(i.value) + 1).filter((id) => id > 0);
  return ids.length ? ids : undefined;
}

function keepalivedCluster(
  m: Manifest,
  c: ClusterDef,
  members: string[],
  place: (s: Span, extent?: Span) => Place,
  assumptions: string[],
): SimKeepalived {
  const vips = [...m.vips.values()].filter((v) => v.cluster?.value === c.name);
  const vrids = [...new Set(vips.flatMap((v) => (v.vrid ? [v.vrid.value] : [])))];
  if (vrids.length > 1)
    assumptions.push(
      `keepalived cluster '${c.name}': its VIPs have virtual_router_ids ${vrids.join(', ')}; simulated as one VRRP instance, as they share the priorities`,
    );
  const priority = new Map((c.priorities?.items ?? []).map((i) => [i.node.value, i.value.value]));
  const unset = members.filter((n) => !priority.has(n));
  if (unset.length)
    assumptions.push(
      `keepalived cluster '${c.name}': no priority for ${unset.join(', ')}, so ${DEFAULT_KEEPALIVED_PRIORITY} (keepalived's default; equal priorities go to the highest address)`,
    );
  const instances: KeepalivedInstance[] = members.map((node) =>
    defined({
      node,
      priority: priority.get(node) ?? DEFAULT_KEEPALIVED_PRIORITY,
      nopreempt: c.nopreempt?.value,
      address: m.nodes.get(node)?.address?.value,
    }),
  );
  return {
    name: c.name,
    kind: 'keepalived',
    place: place(c.keySpan, c.span),
    config: defined({ vrid: vrids[0], vips: vips.map((v) => v.name), instances }),
  };
}

/** A field one kind of cluster reads, written on another, is said once rather than silently dropped. */
function unusedClusterFields(c: ClusterDef, assumptions: string[]): void {
  const keepalived = [c.priorities && 'priorities', c.nopreempt && 'nopreempt'].filter((f): f is string => !!f);
  if (c.manager !== 'keepalived' && keepalived.length)
    assumptions.push(
      `cluster '${c.name}': ${keepalived.join(' and ')} ${keepalived.length === 1 ? 'is' : 'are'} keepalived's, so not used (its manager is ${c.manager})`,
    );
  if (c.manager !== 'pacemaker' && c.fencing)
    assumptions.push(`cluster '${c.name}': fencing is Pacemaker's, so not used (its manager is ${c.manager})`);
}

function unusedServiceFields(s: ServiceDef, mode: SimMode, assumptions: string[]): void {
  const fields: [string, 'galera' | 'rabbitmq', unknown][] = [
    ['weights', 'galera', s.weights],
    ['ignore_split_brain', 'galera', s.ignoreSplitBrain],
    ['version', 'rabbitmq', s.version],
    ['partition_handling', 'rabbitmq', s.partitionHandling],
    ['queue_replicas', 'rabbitmq', s.queueReplicas],
    ['quorum_queues', 'rabbitmq', s.quorumQueues],
  ];
  for (const kind of ['galera', 'rabbitmq'] as const) {
    const written = fields.filter(([, k, v]) => k === kind && v !== undefined).map(([f]) => f);
    if (!written.length || (s.info?.name === kind && mode === 'clustered')) continue;
    const why = s.info?.name === kind ? `it is ${mode}, not clustered` : `it is not ${kind}`;
    assumptions.push(
      `service '${s.name}': ${written.join(', ')} ${written.length === 1 ? 'is' : 'are'} for a clustered ${kind}, so not used (${why})`,
    );
  }
}

/** The mode as written, else the catalogue's first (recommended) mode. */
function modeOf(s: ServiceDef, assumptions: string[]): SimMode {
  const mode = s.mode?.value ?? s.info?.modes[0];
  if (mode) return mode;
  assumptions.push(`service '${s.name}': no mode and not in the catalogue, so taken as active-active`);
  return 'active-active';
}

/**
 * Behind HAProxy: a balancer named (not `none`), or, with none named, an active-active service with a
 * port or any service with a VIP (Galera's single writer) — as queries.ts balancerOf decides, with the
 * catalogue's mode for a service that does not write one. Never the balancer itself, nor memcached/RabbitMQ.
 */
function isBalanced(s: ServiceDef, mode: SimMode): boolean {
  if (s.balancer) return s.balancer.value !== 'none';
  if (s.name === DEFAULT_BALANCER || s.info?.name === DEFAULT_BALANCER || servicePort(s) === undefined || s.info?.clientListsInstances)
    return false;
  return mode === 'active-active' || !!s.vip || !!s.vips;
}

function galeraConfig(s: ServiceDef, on: string[]): GaleraConfig {
  const weight = new Map((s.weights?.items ?? []).map((i) => [i.node.value, i.value.value]));
  return defined({
    nodes: on.map((name) => defined({ name, weight: weight.get(name) })),
    ignoreSplitBrain: s.ignoreSplitBrain?.value,
  });
}

function rabbitConfig(s: ServiceDef, on: string[], assumptions: string[]): RabbitConfig {
  const v = s.version ? /^(\d+)\.(\d+)/.exec(s.version.value) : null;
  const handling = s.partitionHandling?.value as Exclude<PartitionHandling, object> | undefined;
  let mnesia: boolean;
  if (v) {
    const [major, minor] = [Number(v[1]), Number(v[2])];
    mnesia = major < KHEPRI_FROM.major || (major === KHEPRI_FROM.major && minor < KHEPRI_FROM.minor);
    if (!mnesia && handling)
      assumptions.push(
        `${s.name} ${s.version!.value}: the Khepri metadata store is taken (the default from 4.2), so partition_handling ${handling} is not used`,
      );
  } else {
    const what = s.version ? `version '${s.version.value}' is not major.minor` : 'no version given';
    mnesia = !!handling;
    assumptions.push(
      mnesia
        ? `${s.name}: ${what}; partition_handling is set, so taken as before 4.2 (Mnesia)`
        : `${s.name}: ${what}, so taken as 4.2 or later (the Khepri metadata store)`,
    );
  }
  return defined({
    nodes: on,
    partitionHandling: mnesia ? (handling ?? 'ignore') : undefined,
    queueReplicas: s.queueReplicas?.value,
    quorumQueues: s.quorumQueues?.value,
  });
}
