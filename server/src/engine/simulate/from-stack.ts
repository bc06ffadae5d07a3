/**
 * The stack's own files read into the simulator's model (SimModel): corosync.conf nodelists and quorum
 * sections, a Pacemaker configuration (no-quorum-policy, stonith-enabled, fence devices), Galera option
 * files (wsrep_cluster_address, pc.weight, pc.ignore_sb), the keepalived.conf of each load balancer and
 * haproxy.cfg's proxies. Each file contributes its peer facts (languages/peers.ts); a node is every host
 * the files name, the same host matched across files by name or address.
 */
import { commonFolder, folderPart } from '../text/paths';
import type { PeerConf } from '../model/topology';
import { hostKey } from '../model/topology';
import { isIP } from '../text/ip';
import type { Fact } from '../documents/corosync/facts';
import type { ResourceFacts } from '../documents/pacemaker/facts';
import type { FenceDevice, NoQuorumPolicy } from './pacemaker';
import type { TieBreaker, VotequorumConfig } from './votequorum';
import type { KeepalivedInstance } from './keepalived';
import type { GaleraNode } from './galera';
import type { Place, SimCluster, SimModel, SimNode, SimService, SimVip } from './model';

/** The nodes seen so far, found again by name (also its short name) or by address. */
class Registry {
  readonly nodes: SimNode[] = [];
  private readonly byKey = new Map<string, SimNode>();

  find(ref: string | undefined): SimNode | undefined {
    if (!ref) return undefined;
    const k = hostKey(ref.trim());
    return this.byKey.get(k) ?? (isIP(ref) ? undefined : this.byKey.get(k.split('.')[0]));
  }

  /** The node named `name` or at `address`, made when neither is known; what it lacked is filled in. */
  see(name: string | undefined, address: string | undefined, place?: Place): SimNode | undefined {
    const addr = address && isIP(address.trim()) ? address.trim() : undefined;
    const n = this.find(name) ?? this.find(addr);
    if (n) {
      // a node first known by its address only takes the name a later file gives it
      if (name && !isIP(name) && n.name === n.address) {
        n.name = name;
        this.index(n, name);
      }
      if (addr && !n.address) {
        n.address = addr;
        this.index(n, addr);
      }
      if (!n.place && place) n.place = place;
      return n;
    }
    const label = name ?? addr;
    if (!label) return undefined;
    const made: SimNode = { name: label, roles: [], ...(addr ? { address: addr } : {}), ...(place ? { place } : {}) };
    this.nodes.push(made);
    this.index(made, label);
    if (addr) this.index(made, addr);
    return made;
  }

  private index(n: SimNode, ref: string): void {
    const k = hostKey(ref);
    if (!this.byKey.has(k)) this.byKey.set(k, n);
    if (!isIP(ref)) {
      const short = k.split('.')[0];
      if (!this.byKey.has(short)) this.byKey.set(short, n);
    }
  }
}

const byPath = (a: PeerConf, b: PeerConf) =>
  (a.path ?? a.file) < (b.path ?? b.file) ? -1 : (a.path ?? a.file) > (b.path ?? b.file) ? 1 : 0;
const on = (f: Fact | undefined) => f !== undefined && /^(1|on|yes|true)$/i.test(f.value.trim());
const off = (f: Fact | undefined) => f !== undefined && /^(0|off|no|false)$/i.test(f.value.trim());
const int = (s: string | undefined) => (s !== undefined && /^\s*-?\d+\s*$/.test(s) ? Number(s) : undefined);
const placeOf = (p: PeerConf, span: { start: number; end: number } | undefined): Place | undefined =>
  p.path && span ? { file: p.path, span } : undefined;

function addRole(n: SimNode | undefined, role: string): void {
  if (n && !n.roles.includes(role)) n.roles.push(role);
}

/** The simulator's model of the stack's files, or undefined when they describe no cluster. */
export function simModelFromStack(peers: PeerConf[], name: string): SimModel | undefined {
  const files = [...peers].sort(byPath);
  const reg = new Registry();
  const sim: SimModel = {
    name,
    source: `the stack's files${folderOf(files)}`,
    nodes: reg.nodes,
    clusters: [],
    vips: [],
    services: [],
    assumptions: [],
  };
  const corosync = files.filter((p) => p.kind === 'corosync' && p.corosync?.nodes.length);
  const pacemaker = files.filter((p) => p.kind === 'pacemaker' && p.pacemaker);
  const galera = files.filter((p) => p.kind === 'galera' && p.values);
  const keepalived = files.filter((p) => p.kind === 'keepalived' && p.vrrp?.length);
  const haproxy = files.filter((p) => p.kind === 'haproxy' && p.proxies?.length);

  // a node folder names a node only when it holds one file of the kind (files side by side in one folder do not)
  const folders = new Map<PeerConf, string>();
  for (const list of [galera, keepalived])
    for (const p of list) if (p.node && list.filter((x) => x.node === p.node).length === 1) folders.set(p, p.node);
  const folder = (p: PeerConf) => folders.get(p);

  // the corosync nodelist's names come first: they are the cluster's own names for its nodes
  for (const p of corosync)
    for (const n of p.corosync!.nodes) reg.see(n.name?.value ?? n.addresses[0]?.value, n.addresses[0]?.value, placeOf(p, n.span));
  for (const p of pacemaker) for (const n of p.pacemaker!.nodes ?? []) reg.see(n, undefined);
  for (const p of galera) reg.see(p.values!.wsrep_node_name ?? folder(p), p.values!.wsrep_node_address?.replace(/:\d+$/, ''));
  for (const p of keepalived)
    reg.see(folder(p) ?? p.vrrp!.find((v) => v.unicastSrc)?.unicastSrc, p.vrrp!.find((v) => v.unicastSrc)?.unicastSrc);

  corosyncClusters(corosync, pacemaker, reg, sim);
  galeraClusters(galera, reg, sim, folder);
  keepalivedClusters(keepalived, reg, sim, folder);
  haproxyServices(haproxy, reg, sim);
  return sim.clusters.length || sim.services.length ? sim : undefined;
}

/** " in <folder>": the folder every file is under. */
function folderOf(files: PeerConf[]): string {
  const dir = commonFolder(files.flatMap((p) => (p.path ? [folderPart(p.path)] : [])));
  return dir ? ` in ${dir}` : '';
}

// ---------------------------------------------------------------------------------------------
// corosync and Pacemaker

/**
 * One cluster per corosync cluster_name; the first file (by path) speaks for it (corosync-conf-differs
 * reports files that disagree). votequorum's settings as votequorum(5) and corosync-qdevice(8) name them.
 */
function corosyncClusters(files: PeerConf[], pacemaker: PeerConf[], reg: Registry, sim: SimModel): void {
  const seen = new Set<string>();
  const clusterNames = new Set(files.map((p) => p.corosync!.clusterName?.value ?? 'corosync'));
  for (const p of files) {
    const f = p.corosync!;
    const cname = f.clusterName?.value ?? 'corosync';
    if (seen.has(cname)) continue;
    seen.add(cname);
    const q = f.quorum ?? {};
    const provider = q.provider?.value.trim();
    if (provider !== 'corosync_votequorum')
      sim.assumptions.push(
        provider
          ? `corosync cluster ${cname}: quorum provider ${provider} is not corosync_votequorum; votequorum's arithmetic is used`
          : `corosync cluster ${cname}: its quorum section names no provider (corosync then has no quorum); votequorum's arithmetic is used`,
      );
    const quorum: VotequorumConfig = { nodes: [] };
    for (const n of f.nodes) {
      const node = reg.find(n.name?.value ?? n.addresses[0]?.value);
      if (!node) continue;
      addRole(node, 'controller');
      const nodeid = int(n.nodeid?.value);
      const votes = int(n.votes?.value);
      quorum.nodes.push({ name: node.name, ...(nodeid !== undefined ? { nodeid } : {}), ...(votes !== undefined ? { votes } : {}) });
    }
    const expected = int(q.expected_votes?.value);
    if (expected !== undefined) quorum.expectedVotes = expected;
    if (on(q.two_node)) quorum.twoNode = true;
    if (on(q.wait_for_all)) quorum.waitForAll = true;
    else if (off(q.wait_for_all)) quorum.waitForAll = false;
    if (on(q.last_man_standing)) quorum.lastManStanding = true;
    if (on(q.auto_tie_breaker)) {
      quorum.autoTieBreaker = true;
      const atb = tieBreaker(q.auto_tie_breaker_node?.value);
      if (atb !== undefined) quorum.atbNode = atb;
    }
    let qnetdHost: string | undefined;
    const d = f.device;
    if (d && d.model?.value.trim() === 'net') {
      const algorithm = d['net.algorithm']?.value.trim() === 'lms' ? 'lms' : 'ffsplit';
      const votes = int(d.votes?.value);
      const tb = tieBreaker(d['net.tie_breaker']?.value);
      quorum.qdevice = {
        algorithm,
        ...(votes !== undefined ? { votes } : {}),
        ...(tb !== undefined ? { tieBreaker: Array.isArray(tb) ? tb[0] : tb } : {}),
      };
      const host = d['net.host']?.value.trim();
      if (host) qnetdHost = reg.find(host)?.name ?? host;
    }
    // the CIB whose nodes are this cluster's; a CIB that names none speaks for the only corosync cluster
    const names = new Set(quorum.nodes.map((n) => n.name));
    const pm = (
      pacemaker.find((x) => x.pacemaker!.nodes?.some((n) => names.has(reg.find(n)?.name ?? n))) ??
      (clusterNames.size === 1 ? pacemaker.find((x) => !x.pacemaker!.nodes?.length) : undefined)
    )?.pacemaker;
    const cluster: SimCluster = {
      kind: pm ? 'pacemaker' : 'corosync',
      name: cname,
      place: placeOf(p, f.nodelistSpan),
      quorum,
      ...(qnetdHost ? { qnetdHost } : {}),
    };
    if (pm) {
      const policy = pm.properties['no-quorum-policy']?.trim();
      const stonith = pm.properties['stonith-enabled'];
      cluster.pacemaker = {
        nodes: quorum.nodes.map((n) => n.name),
        ...(isPolicy(policy) ? { noQuorumPolicy: policy } : {}),
        // Pacemaker's default is true
        stonith: !(stonith !== undefined && /^(false|no|off|0|n)$/i.test(stonith.trim())),
        fencing: pm.fencing.map((x) => fenceDevice(x, reg)),
      };
    }
    sim.clusters.push(cluster);
    if (pm)
      pacemakerResources(
        pm.resources,
        cname,
        quorum.nodes.map((n) => n.name),
        sim,
      );
  }
}

/**
 * The CIB's resources: an IP address resource is a VIP the cluster moves; any other is a service the
 * cluster decides, on one node at a time (active-passive) or, cloned, on every node.
 */
function pacemakerResources(resources: ResourceFacts[], cluster: string, nodes: string[], sim: SimModel): void {
  const ips = new Set<string>();
  for (const r of resources)
    if (r.ip && !sim.vips.some((v) => v.address !== undefined && hostKey(v.address) === hostKey(r.ip!))) {
      sim.vips.push({ name: r.id, address: r.ip, cluster });
      ips.add(r.id);
    }
  for (const r of resources) {
    if (r.ip) continue;
    sim.services.push({
      name: r.id,
      mode: r.cloned ? 'active-active' : 'active-passive',
      nodes: [...nodes],
      cluster,
      vips: r.with.filter((id) => ips.has(id)),
    });
  }
}

function tieBreaker(s: string | undefined): TieBreaker | undefined {
  const t = s?.trim();
  if (!t) return undefined;
  if (t === 'lowest' || t === 'highest') return t;
  const ids = t.split(/\s+/).map(Number);
  return ids.every((n) => Number.isInteger(n)) ? ids : undefined;
}

const POLICIES: readonly string[] = ['stop', 'freeze', 'ignore', 'demote', 'suicide', 'fence'];
const isPolicy = (s: string | undefined): s is NoQuorumPolicy => s !== undefined && POLICIES.includes(s);

/** Agents that talk to one node's own management controller (its BMC): the device dies with that node's power. */
const BMC_AGENT = /ipmi|idrac|ilo|imm|redfish|amt|bmc/i;

function fenceDevice(x: { id: string; agent: string; targets?: string[] }, reg: Registry): FenceDevice {
  const targets = x.targets?.map((t) => reg.find(t)?.name ?? t);
  const dev: FenceDevice = { name: x.id, ...(targets ? { targets } : {}) };
  // a BMC fences the node it is built into: with that node's power, it is gone too
  if (BMC_AGENT.test(x.agent) && targets?.length === 1) dev.hostNode = targets[0];
  return dev;
}

// ---------------------------------------------------------------------------------------------
// Galera

/** `pc.weight=2; pc.ignore_sb=true` -> the value of one key. */
function providerOption(options: string | undefined, key: string): string | undefined {
  for (const part of (options ?? '').split(';')) {
    const [k, ...v] = part.split('=');
    if (k.trim() === key) return v.join('=').trim();
  }
  return undefined;
}

/** `gcomm://a:4567,b,c?pc.wait_prim=no` -> [a, b, c]. */
function gcommMembers(address: string | undefined): string[] {
  const m = /^\s*gcomm:\/\/([^?]*)/.exec(address ?? '');
  if (!m) return [];
  return m[1]
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => (s.startsWith('[') ? s.slice(1, s.indexOf(']')) : s.split(':').length === 2 ? s.split(':')[0] : s));
}

/** One cluster per wsrep_cluster_name: the members its files' wsrep_cluster_address list, each weighted by its own file. */
function galeraClusters(files: PeerConf[], reg: Registry, sim: SimModel, folder: (p: PeerConf) => string | undefined): void {
  const groups = new Map<string, PeerConf[]>();
  for (const p of files) {
    const k = p.values!.wsrep_cluster_name ?? 'my_wsrep_cluster';
    groups.set(k, [...(groups.get(k) ?? []), p]);
  }
  for (const [cname, group] of groups) {
    const weights = new Map<SimNode, number>();
    const members: SimNode[] = [];
    const member = (n: SimNode | undefined) => {
      if (n && !members.includes(n)) members.push(n);
    };
    for (const p of group) {
      const self = reg.find(p.values!.wsrep_node_name ?? folder(p)) ?? reg.find(p.values!.wsrep_node_address?.replace(/:\d+$/, ''));
      const w = int(providerOption(p.values!.wsrep_provider_options, 'pc.weight'));
      if (self && w !== undefined) weights.set(self, w);
    }
    for (const p of group) for (const a of gcommMembers(p.values!.wsrep_cluster_address)) member(reg.see(isIP(a) ? undefined : a, a));
    // a bootstrap file (gcomm:// empty) still names its own node
    for (const p of group)
      member(reg.find(p.values!.wsrep_node_name ?? folder(p)) ?? reg.find(p.values!.wsrep_node_address?.replace(/:\d+$/, '')));
    if (!members.length) continue;
    for (const n of members) addRole(n, 'database');
    const nodes = members.map((n): GaleraNode => (weights.has(n) ? { name: n.name, weight: weights.get(n)! } : { name: n.name }));
    const ignoreSb = group.some((p) => /^(true|yes|1|on)$/i.test(providerOption(p.values!.wsrep_provider_options, 'pc.ignore_sb') ?? ''));
    const ignoreQuorum = group.some((p) =>
      /^(true|yes|1|on)$/i.test(providerOption(p.values!.wsrep_provider_options, 'pc.ignore_quorum') ?? ''),
    );
    sim.clusters.push({
      kind: 'galera',
      name: cname,
      config: { nodes, ...(ignoreSb ? { ignoreSplitBrain: true } : {}), ...(ignoreQuorum ? { ignoreQuorum: true } : {}) },
    });
    const svc = groups.size > 1 ? cname : 'galera';
    sim.services.push({ name: svc, mode: 'clustered', nodes: members.map((n) => n.name), cluster: cname, vips: [] });
  }
}

// ---------------------------------------------------------------------------------------------
// keepalived

/** keepalived's own default priority when an instance writes none (keepalived.conf(5)). */
const KEEPALIVED_DEFAULT_PRIORITY = 100;

/** One cluster per VRID: the instances of every load balancer's file with that VRID, each on its file's node. */
function keepalivedClusters(files: PeerConf[], reg: Registry, sim: SimModel, folder: (p: PeerConf) => string | undefined): void {
  const byVrid = new Map<string, { name: string; place?: Place; vips: string[]; instances: KeepalivedInstance[] }>();
  for (const p of files) {
    for (const v of p.vrrp!) {
      const node = reg.see(folder(p) ?? v.unicastSrc ?? p.file, v.unicastSrc);
      if (!node) continue;
      addRole(node, 'loadbalancer');
      const key = v.vrid ?? v.name;
      let c = byVrid.get(key);
      if (!c) byVrid.set(key, (c = { name: v.name, place: placeOf(p, v.span), vips: [], instances: [] }));
      for (const a of v.vips) if (!c.vips.includes(a)) c.vips.push(a);
      if (c.instances.some((i) => i.node === node.name)) continue;
      const priority = int(v.priority) ?? KEEPALIVED_DEFAULT_PRIORITY;
      const state = v.state?.toUpperCase();
      c.instances.push({
        node: node.name,
        priority,
        ...(state === 'MASTER' || state === 'BACKUP' ? { state } : {}),
        ...(v.nopreempt ? { nopreempt: true } : {}),
        ...((v.unicastSrc ?? node.address) ? { address: v.unicastSrc ?? node.address } : {}),
        // a local script (HAProxy's check): it fails with its node only, so it watches nothing here
        ...(v.trackScripts?.length ? { trackers: v.trackScripts.map((t) => ({ name: t.name, weight: t.weight })) } : {}),
      });
    }
  }
  const names = new Set<string>();
  for (const [vrid, c] of byVrid) {
    // two VRIDs whose instances share a name stay apart by their VRID
    const cname = names.has(c.name) ? `${c.name} (VRID ${vrid})` : c.name;
    names.add(cname);
    for (const a of c.vips)
      if (!sim.vips.some((v) => v.address === a)) sim.vips.push({ name: a, address: a, cluster: cname, place: c.place });
    sim.clusters.push({
      kind: 'keepalived',
      name: cname,
      place: c.place,
      config: { ...(int(vrid) !== undefined ? { vrid: int(vrid) } : {}), vips: c.vips, instances: c.instances },
    });
  }
}

// ---------------------------------------------------------------------------------------------
// HAProxy

/** A balanced service per listen/backend section: its servers' nodes, behind the VIPs it is reached through. */
function haproxyServices(files: PeerConf[], reg: Registry, sim: SimModel): void {
  const byName = new Map<string, SimService>();
  for (const p of files)
    for (const x of p.proxies!) {
      if (!x.members?.length) continue;
      let s = byName.get(x.name);
      if (!s) {
        s = { name: x.name, mode: 'active-active', nodes: [], vips: [], balanced: true, place: placeOf(p, x.span) };
        byName.set(x.name, s);
      }
      for (const m of x.members) {
        const node = reg.find(m.host) ?? reg.find(m.name) ?? reg.see(m.name, m.host);
        if (node && !s.nodes.includes(node.name)) s.nodes.push(node.name);
      }
      for (const b of x.binds ?? []) {
        const vip: SimVip | undefined = sim.vips.find((v) => v.address !== undefined && hostKey(v.address) === hostKey(b));
        if (vip && !s.vips.includes(vip.name)) s.vips.push(vip.name);
      }
    }
  for (const s of byName.values()) {
    // the Galera cluster behind a database proxy decides whether it serves
    const g = /galera|mysql|mariadb/i.test(s.name)
      ? sim.clusters.find((c) => c.kind === 'galera' && s.nodes.every((n) => c.config.nodes.some((m) => m.name === n)))
      : undefined;
    if (g) {
      const own = sim.services.findIndex((x) => x.cluster === g.name && !x.vips.length && !x.balanced);
      if (own >= 0) sim.services.splice(own, 1);
      s.mode = 'clustered';
      s.cluster = g.name;
    }
    sim.services.push(s);
  }
}
