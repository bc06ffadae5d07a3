/** Facts derived from the model that several rules share (who runs what, votes, defaults). */
import { DEFAULT_BALANCER } from '../../knowledge/services';
import { ClusterDef, Manifest, NodeDef, ServiceDef } from './model';

/** The controllers, worked out once per model (several rules ask; a model does not change once built). */
export function controllers(m: Manifest): NodeDef[] {
  let c = CONTROLLERS.get(m);
  if (!c) {
    c = [];
    for (const n of m.nodes.values()) if (n.controller) c.push(n);
    CONTROLLERS.set(m, c);
  }
  return c;
}
const CONTROLLERS = new WeakMap<Manifest, NodeDef[]>();

/** The defined nodes a service runs on (through its cluster, or listed), without duplicates. */
export function serviceNodes(m: Manifest, s: ServiceDef): NodeDef[] {
  if (!s.on) return [];
  const names = s.on.kind === 'cluster' ? (m.clusters.get(s.on.ref.value)?.members?.items ?? []) : s.on.list.items;
  return uniqueNodes(
    m,
    names.map((i) => i.value),
  );
}

export function clusterNodes(m: Manifest, c: ClusterDef): NodeDef[] {
  return uniqueNodes(
    m,
    (c.members?.items ?? []).map((i) => i.value),
  );
}

function uniqueNodes(m: Manifest, names: string[]): NodeDef[] {
  const out: NodeDef[] = [];
  for (const n of new Set(names)) {
    const d = m.nodes.get(n);
    if (d) out.push(d);
  }
  return out;
}

/** Distinct member names as written (an undefined name still counts: the user means a host). */
export function memberNames(c: ClusterDef): string[] {
  return [...new Set((c.members?.items ?? []).map((i) => i.value))];
}

export function clusterVotes(c: ClusterDef): number {
  return memberNames(c).length + quorumDeviceVotes(c);
}

/** The quorum device's votes: 1 with ffsplit; with lms as written, else the members' votes minus 1 (corosync-qdevice(8)). */
export function quorumDeviceVotes(c: ClusterDef): number {
  const d = c.quorumDevice;
  if (!d) return 0;
  if (d.algorithm === 'ffsplit') return 1;
  return d.votes?.value ?? Math.max(memberNames(c).length - 1, 0);
}

export function serviceNodeNames(m: Manifest, s: ServiceDef): string[] {
  if (!s.on) return [];
  if (s.on.kind === 'nodes') return [...new Set(s.on.list.items.map((i) => i.value))];
  const c = m.clusters.get(s.on.ref.value);
  return c ? memberNames(c) : [];
}

export function isStateful(s: ServiceDef): boolean | undefined {
  return s.stateful?.value ?? s.info?.stateful;
}

export function servicePort(s: ServiceDef): number | undefined {
  return s.port?.value ?? s.info?.port;
}

/** The service name balancing `s`, or undefined when it is not balanced (`balancer: none`, no port, not active-active). */
export function balancerOf(s: ServiceDef): string | undefined {
  if (s.balancer) return s.balancer.value === 'none' ? undefined : s.balancer.value;
  if (s.name === DEFAULT_BALANCER || servicePort(s) === undefined || s.info?.clientListsInstances) return undefined;
  // active-active services with a port are balanced; so is anything else given a VIP (Galera's single writer)
  if (s.mode?.value === 'active-active' || s.vip || s.vips) return DEFAULT_BALANCER;
  return undefined;
}

/** Services that other services name as their balancer, plus haproxy itself when declared. */
export function balancers(m: Manifest): ServiceDef[] {
  const names = new Set<string>();
  if (m.services.has(DEFAULT_BALANCER)) names.add(DEFAULT_BALANCER);
  for (const s of m.services.values()) if (s.balancer && s.balancer.value !== 'none') names.add(s.balancer.value);
  return [...names].map((n) => m.services.get(n)).filter((s): s is ServiceDef => !!s);
}

export function serviceVipNames(s: ServiceDef): string[] {
  return [...(s.vip ? [s.vip.value] : []), ...(s.vips?.items.map((i) => i.value) ?? [])];
}

export function quorumOf(votes: number): number {
  return Math.floor(votes / 2) + 1;
}

export function plural(n: number, word: string, pluralWord = word + 's'): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}

export function nameList(names: string[], max = 5): string {
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown}, ... (${names.length} in all)` : shown;
}
