/**
 * The deployment a manifest describes: nodes, clusters, VIPs and services, each with the source
 * spans of what the user wrote. Built from the YAML AST; badly typed values are left out here
 * (the schema check reports them) so rules only ever see well-formed facts.
 */
import { Document, isSeq, YAMLMap } from 'yaml';
import { Environment, ENVIRONMENTS, Span } from '../../types';
import { KNOWN_RELEASES, Release } from '../../knowledge/options/catalog';
import { perEntry } from './memo';
import { canonicalIP } from '../../text/ip';
import { lookupService, Mode, MODES, ServiceInfo } from '../../knowledge/services';
import {
  deref,
  entries,
  entryOf,
  Entry,
  isMap,
  keyText,
  isScalar,
  Located,
  LocatedList,
  scalarOf,
  scalarString,
  spanOf,
  stringList,
} from './yaml-ast';

interface Named {
  name: string;
  keySpan: Span;
  /** the whole `name: {...}` entry */ span: Span;
  map: YAMLMap | null;
  entry: Entry;
}

export interface NodeDef extends Named {
  address?: Located<string>;
  /** The address as compared (canonicalIP), worked out with the node. */
  addressKey?: string;
  roles: Located<string>[];
  /** Whether one of its roles is controller (several rules ask, for every node). */
  controller: boolean;
  failureDomain?: Located<string>;
  interfaces?: LocatedList;
  bond?: Located<boolean>;
}

export interface CorosyncDef {
  span: Span;
  map: YAMLMap | null;
  twoNode?: Located<boolean>;
  waitForAll?: Located<boolean>;
  token?: Located<number>;
  tokenRetransmits?: Located<number>;
  transport?: Located<string>;
  expectedVotes?: Located<number>;
  lastManStanding?: Located<boolean>;
  autoTieBreaker?: Located<boolean>;
  /** `lowest`, `highest`, or member names in order. */
  autoTieBreakerNode?: Located<'lowest' | 'highest'> | LocatedList;
}

/** `quorum_device`: a host (ffsplit, 1 vote) or `{ host, algorithm, votes }`. */
export interface QuorumDeviceDef {
  span: Span;
  host?: Located<string>;
  /** ffsplit when unset or not one of the two (the schema check reports a bad value). */
  algorithm: 'ffsplit' | 'lms';
  votes?: Located<number>;
}

export interface FenceDeviceDef {
  span: Span;
  name?: Located<string>;
  targets?: LocatedList;
  node?: Located<string>;
  failureDomain?: Located<string>;
}

/** A mapping from node names to whole numbers (keepalived priorities, Galera weights). */
export interface NodeNumbers {
  span: Span;
  /** Entries whose value is a whole number, in the order written; the schema check reports the others. */
  items: { node: Located<string>; value: Located<number> }[];
}

export interface ClusterDef extends Named {
  manager: 'pacemaker' | 'keepalived' | 'none';
  managerValue?: Located<string>;
  members?: LocatedList;
  stonith?: Located<boolean>;
  noQuorumPolicy?: Located<string>;
  corosync?: CorosyncDef;
  corosyncEntry?: Entry;
  quorumDevice?: QuorumDeviceDef;
  fencing?: FenceDeviceDef[];
  priorities?: NodeNumbers;
  nopreempt?: Located<boolean>;
}

export interface VipDef extends Named {
  address?: Located<string>;
  cidr?: Located<number>;
  cluster?: Located<string>;
  vrid?: Located<number>;
}

export type Placement = { kind: 'cluster'; ref: Located<string>; span: Span } | { kind: 'nodes'; list: LocatedList; span: Span };

export interface ServiceDef extends Named {
  info?: ServiceInfo;
  on?: Placement;
  mode?: Located<Mode>;
  vip?: Located<string>;
  vips?: LocatedList;
  port?: Located<number>;
  stateful?: Located<boolean>;
  balancer?: Located<string>;
  backend?: Located<string>;
  weights?: NodeNumbers;
  ignoreSplitBrain?: Located<boolean>;
  version?: Located<string>;
  partitionHandling?: Located<string>;
  queueReplicas?: Located<number>;
  quorumQueues?: Located<boolean>;
}

export interface Manifest {
  doc: Document;
  root: YAMLMap | null;
  environment: Environment;
  environmentValue?: Located<string>;
  /** metadata.release, when the manifest names a release the product ships. */
  release?: Release;
  /** Top-level keys as written, for findings about a whole section. */
  sections: Map<string, Entry>;
  nodes: Map<string, NodeDef>;
  clusters: Map<string, ClusterDef>;
  vips: Map<string, VipDef>;
  services: Map<string, ServiceDef>;
}

function named(e: Entry): Named {
  return {
    name: e.key,
    keySpan: e.keySpan,
    span: { start: e.keySpan.start, end: spanOf(e.value).end || e.keySpan.end },
    map: isMap(e.value) ? e.value : null,
    entry: e,
  };
}

/** The entries of one mapping by key, read once per entity rather than once per field. */
type Fields = Map<string, Entry>;
function fieldsOf(doc: Document, map: unknown): Fields {
  const f: Fields = new Map();
  for (const e of entries(doc, map)) if (!f.has(e.key)) f.set(e.key, e);
  return f;
}
const str = (f: Fields, key: string) => scalarString(f.get(key)?.value);
const num = (f: Fields, key: string) => {
  const v = scalarOf<number>(f.get(key)?.value, 'number');
  return v && Number.isInteger(v.value) ? v : undefined;
};
const bool = (f: Fields, key: string) => scalarOf<boolean>(f.get(key)?.value, 'boolean');
const list = (doc: Document, f: Fields, key: string) => stringList(doc, f.get(key)?.value);

function quorumDeviceOf(doc: Document, n: unknown): QuorumDeviceDef | undefined {
  const host = scalarString(n);
  if (host) return { span: host.span, host, algorithm: 'ffsplit' };
  if (!isMap(n)) return undefined;
  const f = fieldsOf(doc, n);
  return {
    span: spanOf(n),
    host: str(f, 'host'),
    algorithm: str(f, 'algorithm')?.value === 'lms' ? 'lms' : 'ffsplit',
    votes: num(f, 'votes'),
  };
}

function fencingOf(doc: Document, n: unknown): FenceDeviceDef[] | undefined {
  const seq = deref(doc, n);
  if (!isSeq(seq)) return undefined;
  return seq.items.flatMap((it) => {
    const d = deref(doc, it);
    if (!isMap(d)) return [];
    const f = fieldsOf(doc, d);
    return [
      {
        span: spanOf(d),
        name: str(f, 'name'),
        targets: list(doc, f, 'targets'),
        node: str(f, 'node'),
        failureDomain: str(f, 'failure_domain'),
      },
    ];
  });
}

function nodeNumbers(doc: Document, n: unknown): NodeNumbers | undefined {
  const map = deref(doc, n);
  if (!isMap(map)) return undefined;
  const items: NodeNumbers['items'] = [];
  for (const e of entries(doc, map)) {
    const value = scalarOf<number>(e.value, 'number');
    if (value && Number.isInteger(value.value)) items.push({ node: { value: e.key, span: e.keySpan }, value });
  }
  return { span: spanOf(map), items };
}

function tieBreakerOf(doc: Document, n: unknown): CorosyncDef['autoTieBreakerNode'] {
  const names = stringList(doc, n);
  if (names) return names;
  const v = scalarString(n);
  return v && (v.value === 'lowest' || v.value === 'highest') ? (v as Located<'lowest' | 'highest'>) : undefined;
}

export function buildManifest(doc: Document, defaultEnvironment: Environment = 'production'): Manifest {
  const root = deref(doc, doc.contents);
  const m: Manifest = {
    doc,
    root: isMap(root) ? root : null,
    environment: defaultEnvironment,
    sections: new Map(),
    nodes: new Map(),
    clusters: new Map(),
    vips: new Map(),
    services: new Map(),
  };
  if (!m.root) return m;
  for (const e of entries(doc, m.root)) if (!m.sections.has(e.key)) m.sections.set(e.key, e);

  const env = str(fieldsOf(doc, m.sections.get('metadata')?.value), 'environment');
  if (env && (ENVIRONMENTS as readonly string[]).includes(env.value)) {
    m.environment = env.value as Environment;
    m.environmentValue = env;
  }
  const rel = str(fieldsOf(doc, m.sections.get('metadata')?.value), 'release');
  if (rel && (KNOWN_RELEASES as string[]).includes(rel.value)) m.release = rel.value as Release;

  // the pairs are read as they are: an Entry and a NodeDef are made only for a node worked out anew
  const nodesMap = deref(doc, m.sections.get('nodes')?.value);
  for (const p of isMap(nodesMap) ? nodesMap.items : []) {
    const key = keyText(p);
    if (key === null || m.nodes.has(key)) continue;
    const def = perEntry(p, 'node', (): NodeDef | null => {
      const e = entryOf(doc, p)!;
      if (!isMap(e.value)) return null; // the schema check reports what is not a mapping
      const f = fieldsOf(doc, e.value);
      const address = str(f, 'address');
      const roles = list(doc, f, 'roles')?.items ?? [];
      return {
        ...named(e),
        address,
        addressKey: address ? canonicalIP(address.value) : undefined,
        roles,
        controller: roles.some((r) => r.value === 'controller'),
        failureDomain: str(f, 'failure_domain'),
        interfaces: list(doc, f, 'interfaces'),
        bond: bool(f, 'bond'),
      };
    });
    if (def) m.nodes.set(key, def);
  }

  for (const e of entries(doc, m.sections.get('clusters')?.value)) {
    if (m.clusters.has(e.key) || !isMap(e.value)) continue; // the schema check reports what is not a mapping
    const f = fieldsOf(doc, e.value);
    const managerValue = str(f, 'manager');
    const manager =
      managerValue && ['pacemaker', 'keepalived', 'none'].includes(managerValue.value)
        ? (managerValue.value as ClusterDef['manager'])
        : 'pacemaker';
    const ce = f.get('corosync');
    const cv = ce?.value;
    const cf = fieldsOf(doc, cv);
    const corosync: CorosyncDef | undefined =
      ce && (isMap(cv) || (isScalar(cv) && cv.value === null))
        ? {
            span: spanOf(cv),
            map: isMap(cv) ? cv : null,
            twoNode: bool(cf, 'two_node'),
            waitForAll: bool(cf, 'wait_for_all'),
            token: num(cf, 'token'),
            tokenRetransmits: num(cf, 'token_retransmits'),
            transport: str(cf, 'transport'),
            expectedVotes: num(cf, 'expected_votes'),
            lastManStanding: bool(cf, 'last_man_standing'),
            autoTieBreaker: bool(cf, 'auto_tie_breaker'),
            autoTieBreakerNode: tieBreakerOf(doc, cf.get('auto_tie_breaker_node')?.value),
          }
        : undefined;
    m.clusters.set(e.key, {
      ...named(e),
      manager,
      managerValue,
      members: list(doc, f, 'members'),
      stonith: bool(f, 'stonith'),
      noQuorumPolicy: str(f, 'no_quorum_policy'),
      corosync,
      corosyncEntry: ce,
      quorumDevice: quorumDeviceOf(doc, deref(doc, f.get('quorum_device')?.value)),
      fencing: fencingOf(doc, f.get('fencing')?.value),
      priorities: nodeNumbers(doc, f.get('priorities')?.value),
      nopreempt: bool(f, 'nopreempt'),
    });
  }

  for (const e of entries(doc, m.sections.get('vips')?.value)) {
    if (m.vips.has(e.key) || !isMap(e.value)) continue; // the schema check reports what is not a mapping
    const f = fieldsOf(doc, e.value);
    m.vips.set(e.key, { ...named(e), address: str(f, 'address'), cidr: num(f, 'cidr'), cluster: str(f, 'cluster'), vrid: num(f, 'vrid') });
  }

  for (const e of entries(doc, m.sections.get('services')?.value)) {
    if (m.services.has(e.key) || !isMap(e.value)) continue; // the schema check reports what is not a mapping
    const f = fieldsOf(doc, e.value);
    const onEntry = f.get('on');
    let on: Placement | undefined;
    const onRef = scalarString(onEntry?.value);
    const onList = stringList(doc, onEntry?.value);
    if (onRef) on = { kind: 'cluster', ref: onRef, span: onRef.span };
    else if (onList) on = { kind: 'nodes', list: onList, span: onList.span };
    const mode = str(f, 'mode');
    m.services.set(e.key, {
      ...named(e),
      info: lookupService(e.key),
      on,
      mode: mode && (MODES as readonly string[]).includes(mode.value) ? (mode as Located<Mode>) : undefined,
      vip: str(f, 'vip'),
      vips: list(doc, f, 'vips'),
      port: num(f, 'port'),
      stateful: bool(f, 'stateful'),
      balancer: str(f, 'balancer'),
      backend: str(f, 'backend'),
      weights: nodeNumbers(doc, f.get('weights')?.value),
      ignoreSplitBrain: bool(f, 'ignore_split_brain'),
      version: str(f, 'version'),
      partitionHandling: str(f, 'partition_handling'),
      queueReplicas: num(f, 'queue_replicas'),
      quorumQueues: bool(f, 'quorum_queues'),
    });
  }
  return m;
}
