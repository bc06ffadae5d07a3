/**
 * The deployment a manifest describes: nodes, clusters, VIPs and services, each with the source
 * spans of what the user wrote. Built from the YAML AST; badly typed values are left out here
 * (the schema check reports them) so rules only ever see well-formed facts.
 */
import { Document, YAMLMap } from 'yaml';
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
}

export interface ClusterDef extends Named {
  manager: 'pacemaker' | 'keepalived' | 'none';
  managerValue?: Located<string>;
  members?: LocatedList;
  stonith?: Located<boolean>;
  noQuorumPolicy?: Located<string>;
  corosync?: CorosyncDef;
  corosyncEntry?: Entry;
  quorumDevice?: Located<string>;
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
      quorumDevice: str(f, 'quorum_device'),
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
    });
  }
  return m;
}
