/**
 * The deployment a manifest describes: nodes, clusters, VIPs and services, each with the source
 * spans of what the user wrote. Built from the YAML AST; badly typed values are left out here
 * (the schema check reports them) so rules only ever see well-formed facts.
 */
import { Document, YAMLMap } from 'yaml';
import { Environment, ENVIRONMENTS, Span } from '../../types';
import { lookupService, Mode, MODES, ServiceInfo } from '../../knowledge/services';
import { deref, entries, entry, Entry, isMap, isScalar, Located, LocatedList, scalarOf, scalarString, spanOf, stringList } from './yaml-ast';

interface Named { name: string; keySpan: Span; /** the whole `name: {...}` entry */ span: Span; map: YAMLMap | null; entry: Entry }

export interface NodeDef extends Named {
  address?: Located<string>;
  roles: Located<string>[];
  failureDomain?: Located<string>;
  interfaces?: LocatedList;
  bond?: Located<boolean>;
}

export interface CorosyncDef { span: Span; map: YAMLMap | null; twoNode?: Located<boolean>; waitForAll?: Located<boolean>; token?: Located<number>; tokenRetransmits?: Located<number>; transport?: Located<string> }

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

export interface VipDef extends Named { address?: Located<string>; cidr?: Located<number>; cluster?: Located<string>; vrid?: Located<number> }

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
  /** Top-level keys as written, for findings about a whole section. */
  sections: Map<string, Entry>;
  nodes: Map<string, NodeDef>;
  clusters: Map<string, ClusterDef>;
  vips: Map<string, VipDef>;
  services: Map<string, ServiceDef>;
}

function named(e: Entry): Named {
  return { name: e.key, keySpan: e.keySpan, span: { start: e.keySpan.start, end: spanOf(e.value).end || e.keySpan.end }, map: isMap(e.value) ? e.value : null, entry: e };
}

const str = (doc: Document, map: unknown, key: string) => scalarString(entry(doc, map, key)?.value);
const num = (doc: Document, map: unknown, key: string) => {
  const v = scalarOf<number>(entry(doc, map, key)?.value, 'number');
  return v && Number.isInteger(v.value) ? v : undefined;
};
const bool = (doc: Document, map: unknown, key: string) => scalarOf<boolean>(entry(doc, map, key)?.value, 'boolean');
const list = (doc: Document, map: unknown, key: string) => stringList(doc, entry(doc, map, key)?.value);

export function buildManifest(doc: Document, defaultEnvironment: Environment = 'production'): Manifest {
  const root = deref(doc, doc.contents);
  const m: Manifest = {
    doc, root: isMap(root) ? root : null, environment: defaultEnvironment,
    sections: new Map(), nodes: new Map(), clusters: new Map(), vips: new Map(), services: new Map(),
  };
  if (!m.root) return m;
  for (const e of entries(doc, m.root)) if (!m.sections.has(e.key)) m.sections.set(e.key, e);

  const env = str(doc, m.sections.get('metadata')?.value, 'environment');
  if (env && (ENVIRONMENTS as readonly string[]).includes(env.value)) { m.environment = env.value as Environment; m.environmentValue = env; }

  for (const e of entries(doc, m.sections.get('nodes')?.value)) {
    if (m.nodes.has(e.key) || !isMap(e.value)) continue; // the schema check reports what is not a mapping
    const v = e.value;
    m.nodes.set(e.key, {
      ...named(e), address: str(doc, v, 'address'), roles: list(doc, v, 'roles')?.items ?? [],
      failureDomain: str(doc, v, 'failure_domain'), interfaces: list(doc, v, 'interfaces'), bond: bool(doc, v, 'bond'),
    });
  }

  for (const e of entries(doc, m.sections.get('clusters')?.value)) {
    if (m.clusters.has(e.key) || !isMap(e.value)) continue; // the schema check reports what is not a mapping
    const v = e.value;
    const managerValue = str(doc, v, 'manager');
    const manager = managerValue && ['pacemaker', 'keepalived', 'none'].includes(managerValue.value) ? managerValue.value as ClusterDef['manager'] : 'pacemaker';
    const ce = entry(doc, v, 'corosync');
    const cv = ce?.value;
    const corosync: CorosyncDef | undefined = ce && (isMap(cv) || (isScalar(cv) && cv.value === null)) ? {
      span: spanOf(cv), map: isMap(cv) ? cv : null, twoNode: bool(doc, cv, 'two_node'), waitForAll: bool(doc, cv, 'wait_for_all'),
      token: num(doc, cv, 'token'), tokenRetransmits: num(doc, cv, 'token_retransmits'), transport: str(doc, cv, 'transport'),
    } : undefined;
    m.clusters.set(e.key, {
      ...named(e), manager, managerValue, members: list(doc, v, 'members'), stonith: bool(doc, v, 'stonith'),
      noQuorumPolicy: str(doc, v, 'no_quorum_policy'), corosync, corosyncEntry: ce, quorumDevice: str(doc, v, 'quorum_device'),
    });
  }

  for (const e of entries(doc, m.sections.get('vips')?.value)) {
    if (m.vips.has(e.key) || !isMap(e.value)) continue; // the schema check reports what is not a mapping
    const v = e.value;
    m.vips.set(e.key, { ...named(e), address: str(doc, v, 'address'), cidr: num(doc, v, 'cidr'), cluster: str(doc, v, 'cluster'), vrid: num(doc, v, 'vrid') });
  }

  for (const e of entries(doc, m.sections.get('services')?.value)) {
    if (m.services.has(e.key) || !isMap(e.value)) continue; // the schema check reports what is not a mapping
    const v = e.value;
    const onEntry = entry(doc, v, 'on');
    let on: Placement | undefined;
    const onRef = scalarString(onEntry?.value);
    const onList = stringList(doc, onEntry?.value);
    if (onRef) on = { kind: 'cluster', ref: onRef, span: onRef.span };
    else if (onList) on = { kind: 'nodes', list: onList, span: onList.span };
    const mode = str(doc, v, 'mode');
    m.services.set(e.key, {
      ...named(e), info: lookupService(e.key), on,
      mode: mode && (MODES as readonly string[]).includes(mode.value) ? mode as Located<Mode> : undefined,
      vip: str(doc, v, 'vip'), vips: list(doc, v, 'vips'), port: num(doc, v, 'port'), stateful: bool(doc, v, 'stateful'),
      balancer: str(doc, v, 'balancer'), backend: str(doc, v, 'backend'),
    });
  }
  return m;
}
