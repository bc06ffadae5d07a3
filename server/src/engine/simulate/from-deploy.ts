/**
 * A kolla-ansible or OpenStack-Ansible deployment read into the simulator's model (SimModel): the
 * DeployModel the tool's reader builds (nodes, groups, VIPs, services, with their places, and the
 * keepalived priorities, Galera weights and RabbitMQ series, partition handling and queues that
 * `convert` writes too), and what only the simulator reads (VRRP states and trackers, router ids,
 * corosync's quorum options) from the tool's variables and templates. What the files do not say and
 * the tool does not fix is written to `assumptions`.
 */
import { commonFolder, folderPart } from '../text/paths';
import type { DeployCluster, DeployModel, DeployService } from '../documents/deploy/model';
import type { DeployPart, KollaPart, OsaPart } from '../documents/deploy/parts';
import { kollaDeploymentOfFiles, KollaDeployment } from '../documents/kolla/deployment';
import { osaDeploymentOfFiles, OsaDeployment } from '../documents/osa/deployment';
import { KHEPRI_DEFAULT_SINCE, parseSeries, seriesAtLeast } from '../knowledge/kolla/rabbitmq';
import type { GaleraNode } from './galera';
import type { KeepalivedInstance } from './keepalived';
import type { RabbitConfig } from './rabbitmq';
import type { SimCluster, SimMode, SimModel, SimNode, SimService, SimVip } from './model';
import { DEFAULT_KEEPALIVED_PRIORITY } from './from-manifest';

type Parts = readonly { path: string; part: DeployPart }[];

/** The simulator's model of a deployment tool's files. `parts`: the deployment's files (the DeployModel's sources). */
export function simModelFromDeploy(model: DeployModel, parts: Parts): SimModel {
  const kolla = parts.filter((p): p is { path: string; part: KollaPart } => p.part.tool === 'kolla');
  const osa = parts.filter((p): p is { path: string; part: OsaPart } => p.part.tool === 'openstack-ansible');
  const sim: SimModel = {
    name: model.name,
    source: `${model.tool} files${folderOf(parts.map((p) => p.path))}`,
    nodes: model.nodes.map((n): SimNode => ({
      name: n.name,
      address: n.address,
      domain: n.failureDomain,
      roles: [...n.roles],
      place: n.place,
    })),
    clusters: [],
    vips: [],
    services: [],
    assumptions: [],
  };
  if (model.tool === 'kolla-ansible') kollaClusters(model, kollaDeploymentOfFiles(kolla), sim);
  else osaClusters(model, osaDeploymentOfFiles(osa), sim);
  withServices(model, sim);
  return sim;
}

/** " in <folder>": the folder every file is under, when they share one. */
function folderOf(paths: string[]): string {
  const dir = commonFolder(paths.map(folderPart));
  return dir ? ` in ${dir}` : '';
}

const integer = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) ? n : undefined;
};

// ---------------------------------------------------------------------------------------------
// kolla-ansible

function kollaClusters(model: DeployModel, d: KollaDeployment, sim: SimModel): void {
  const addressOf = new Map(model.nodes.map((n) => [n.name, n.address]));
  const lb = model.clusters.find((c) => c.name === 'loadbalancer');
  const vipNames = model.vips.filter((v) => v.cluster === 'loadbalancer').map((v) => v.name);
  if (lb && lb.manager === 'keepalived' && lb.members.length) {
    // roles/loadbalancer/templates/keepalived/keepalived.conf.j2: one vrrp_instance holding both VIPs,
    // every host `state BACKUP`, the priorities and nopreempt the model carries (documents/kolla/ha-facts.ts),
    // and track_script check_alive (a vrrp_script without weight: its failure puts the instance in FAULT).
    // check_alive watches the node's own HAProxy, which the simulator fails only with its node: no `watches`.
    const track = d.flag('keepalived_track_script_enabled') !== false;
    const priority = priorities(lb);
    const instances = lb.members.map((node): KeepalivedInstance => ({
      node,
      priority: priority(node),
      state: 'BACKUP',
      ...(lb.nopreempt !== undefined ? { nopreempt: lb.nopreempt } : {}),
      address: addressOf.get(node),
      ...(track ? { trackers: [{ name: 'check_alive', weight: 0 }] } : {}),
    }));
    // keepalived_virtual_router_id: the user's, else kolla's 51 (knowledge/kolla/defaults.ts)
    const vrid = d.value('keepalived_virtual_router_id');
    sim.clusters.push({
      kind: 'keepalived',
      name: 'loadbalancer',
      place: lb.place,
      config: { vrid: vrid.known ? integer(vrid.value) : undefined, vips: vipNames, instances },
    });
  }
  sim.vips.push(...vipsOf(model, sim));

  const mariadb = model.services.find((s) => s.name === 'mariadb');
  if (mariadb && Array.isArray(mariadb.on)) {
    const weight = new Map((mariadb.weights ?? []).map((w) => [w.node, w.value]));
    const nodes = mariadb.on.map((name): GaleraNode => {
      const w = weight.get(name);
      return w === undefined ? { name } : { name, weight: w };
    });
    sim.clusters.push({ kind: 'galera', name: 'mariadb', place: mariadb.place, config: { nodes } });
    // kolla shards Galera by the host variable mariadb_shard_id (default 0): one cluster per shard
    if (mariadb.on.some((h) => d.hostVar(h, 'mariadb_shard_id')))
      sim.assumptions.push('mariadb_shard_id is set for some hosts: the mariadb group is read as one Galera cluster, not one per shard');
  }

  const rabbit = model.services.find((s) => s.name === 'rabbitmq');
  if (rabbit && Array.isArray(rabbit.on)) {
    sim.clusters.push({ kind: 'rabbitmq', name: 'rabbitmq', place: rabbit.place, config: kollaRabbit(rabbit, rabbit.on, sim.assumptions) });
  }

  const ha = model.clusters.find((c) => c.name === 'hacluster' && c.manager === 'pacemaker');
  if (ha && ha.members.length) {
    // roles/hacluster/templates/hacluster_corosync.conf.j2: nodeid = position in the hacluster group sorted
    // by name (from 1), two_node: 1 exactly when the group has 2 hosts, nothing else in the quorum section.
    const sorted = [...ha.members].sort();
    // roles/hacluster/tasks/bootstrap_service.yml sets stonith-enabled to false; no-quorum-policy is left at stop
    sim.clusters.push({
      kind: 'pacemaker',
      name: 'hacluster',
      place: ha.place,
      quorum: { nodes: sorted.map((name, i) => ({ name, nodeid: i + 1 })), ...(sorted.length === 2 ? { twoNode: true } : {}) },
      pacemaker: { nodes: sorted, stonith: false },
    });
  }
}

/**
 * RabbitMQ of a kolla deployment as the model carries it (documents/kolla/ha-facts.ts): the series
 * decides the store (Khepri from 4.2), and before it the partition handling kolla renders; a value
 * the model could not read is taken as kolla's default, pause_minority, and said.
 */
function kollaRabbit(rabbit: DeployService, nodes: string[], assumptions: string[]): RabbitConfig {
  const config: RabbitConfig = { nodes, quorumQueues: rabbit.quorumQueues ?? true };
  const series = rabbit.version !== undefined ? parseSeries(rabbit.version) : undefined;
  const khepri = series ? seriesAtLeast(series, KHEPRI_DEFAULT_SINCE) : undefined;
  if (khepri === false) {
    if (rabbit.partitionHandling) config.partitionHandling = rabbit.partitionHandling;
    else {
      config.partitionHandling = 'pause_minority';
      assumptions.push(
        "rabbitmq_cluster_partition_handling is not a value the simulator reads: RabbitMQ is taken as kolla's pause_minority",
      );
    }
  } else if (khepri === undefined)
    assumptions.push('the RabbitMQ image names no version: RabbitMQ is taken as 4.2 or newer, with the Khepri metadata store');
  else if (series && series.major === 4 && series.minor === 2)
    assumptions.push(
      `RabbitMQ ${rabbit.version} (${rabbit.versionFrom}) is taken with Khepri, its default for a new cluster; a cluster upgraded from Mnesia keeps Mnesia until Khepri is enabled`,
    );
  return config;
}

// ---------------------------------------------------------------------------------------------
// OpenStack-Ansible

/**
 * OSA's haproxy_server role (vars for keepalived, as failure-math.md section 5 records it): one
 * instance per VIP, external on haproxy_keepalived_external_virtual_router_id (10), internal on
 * ..._internal_... (11); the first host of the haproxy group is MASTER, the others BACKUP; the
 * priorities the model carries (documents/osa/deployment.ts: (hosts - index) x 50); a ping tracker of
 * weight -101 (its target, keepalived_ping_address, is outside the model: it never fails here).
 */
const OSA_PING_WEIGHT = -101;

function osaClusters(model: DeployModel, d: OsaDeployment, sim: SimModel): void {
  const addressOf = new Map(model.nodes.map((n) => [n.name, n.address]));
  const lb = model.clusters.find((c) => c.name === 'loadbalancer');
  const keepalived = new Map<string, string>();
  if (lb && lb.manager === 'keepalived' && lb.members.length) {
    const priority = priorities(lb);
    const instances = lb.members.map((node, i): KeepalivedInstance => ({
      node,
      priority: priority(node),
      state: i === 0 ? 'MASTER' : 'BACKUP',
      address: addressOf.get(node),
      trackers: [{ name: 'pingable_check_script', weight: OSA_PING_WEIGHT }],
    }));
    // the user's own keepalived_instances (OSA's AZ example) replace the role's: not read here
    if (d.setting('keepalived_instances'))
      sim.assumptions.push(
        `keepalived_instances is set (${d.setting('keepalived_instances')!.file}) but not read: the load balancers are taken with OSA's default instances`,
      );
    for (const side of ['external', 'internal']) {
      const vrid = d.value(`haproxy_keepalived_${side}_virtual_router_id`);
      const name = `loadbalancer-${side}`;
      const vips = model.vips.filter((v) => v.name === side && v.cluster === 'loadbalancer').map((v) => v.name);
      for (const v of vips) keepalived.set(v, name);
      sim.clusters.push({
        kind: 'keepalived',
        name,
        place: lb.place,
        config: { vrid: vrid.known ? integer(vrid.value) : undefined, vips, instances: instances.map((x) => ({ ...x })) },
      });
    }
  }
  sim.vips.push(...vipsOf(model, sim, keepalived));

  const galera = model.services.find((s) => s.name === 'galera');
  if (galera && Array.isArray(galera.on)) {
    sim.clusters.push({ kind: 'galera', name: 'galera', place: galera.place, config: { nodes: galera.on.map((name) => ({ name })) } });
    if (d.setting('galera_wsrep_provider_options'))
      sim.assumptions.push('galera_wsrep_provider_options is not read: every Galera node weighs 1 (pc.weight)');
  }
  const rabbit = model.services.find((s) => s.name === 'rabbitmq');
  if (rabbit && Array.isArray(rabbit.on)) {
    // quorum queues: the model's (oslomsg_rabbit_quorum_queues), else OSA's default (true)
    const config: RabbitConfig = { nodes: rabbit.on, quorumQueues: rabbit.quorumQueues ?? true };
    sim.clusters.push({ kind: 'rabbitmq', name: 'rabbitmq', place: rabbit.place, config });
    sim.assumptions.push(
      "OpenStack-Ansible's files name no RabbitMQ version: RabbitMQ is taken as 4.2 or newer, with the Khepri metadata store",
    );
  }
}

// ---------------------------------------------------------------------------------------------
// shared

/** A member's keepalived priority as the model carries it; keepalived's default for one it does not. */
function priorities(c: DeployCluster): (node: string) => number {
  const byNode = new Map((c.priorities ?? []).map((p) => [p.node, p.value]));
  return (node) => byNode.get(node) ?? DEFAULT_KEEPALIVED_PRIORITY;
}

/** The DeployModel's VIPs, each moved by the keepalived cluster the model has for it (none when keepalived is off). */
function vipsOf(model: DeployModel, sim: SimModel, byVip = new Map<string, string>()): SimVip[] {
  const clusters = new Set(sim.clusters.map((c) => c.name));
  return model.vips.map((v): SimVip => {
    const cluster = byVip.get(v.name) ?? v.cluster;
    return { name: v.name, address: v.address, ...(cluster && clusters.has(cluster) ? { cluster } : {}), place: v.place };
  });
}

/** The DeployModel's services: their nodes, the cluster that decides their fate, their VIPs. */
function withServices(model: DeployModel, sim: SimModel): void {
  const members = new Map(model.clusters.map((c) => [c.name, c.members]));
  const vipNames = new Set(sim.vips.map((v) => v.name));
  const byKind = (kind: SimCluster['kind']) => sim.clusters.find((c) => c.kind === kind)?.name;
  const balancer = model.services.some((s) => s.name === 'haproxy');
  for (const s of model.services) {
    const nodes = typeof s.on === 'string' ? (members.get(s.on) ?? []) : s.on;
    if (!nodes.length) continue;
    const vips = [...new Set([...(s.vip ? [s.vip] : []), ...(s.vips ?? [])])].filter((v) => vipNames.has(v));
    const svc: SimService = { name: s.name, mode: modeOf(s), nodes: [...nodes], vips, place: s.place };
    const cluster = s.name === 'galera' || s.name === 'mariadb' ? byKind('galera') : s.name === 'rabbitmq' ? byKind('rabbitmq') : undefined;
    if (cluster) svc.cluster = cluster;
    // the database is reached through the internal VIP's HAProxy (kolla: HAProxy or ProxySQL beside it; OSA: HAProxy)
    if (s.name !== 'haproxy' && balancer && vips.length) svc.balanced = true;
    sim.services.push(svc);
  }
}

/** HAProxy runs on every load balancer (the VIP picks which answers); the others say their mode. */
function modeOf(s: DeployService): SimMode {
  const m = s.mode;
  return m === 'active-passive' || m === 'clustered' || m === 'client-side' || m === 'per-node' ? m : 'active-active';
}
