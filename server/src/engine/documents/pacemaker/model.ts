/** Pacemaker configuration, whichever way it is written (CIB XML, crm shell, pcs commands), as the rules see it. */
import { Span } from '../../types';

export type { Located } from '../../text/xml';
import type { Located } from '../../text/xml';
export interface PmResource {
  id: string;
  idSpan: Span;
  /** class:provider:type (ocf:heartbeat:IPaddr2) or class:type (systemd:haproxy) */
  agent: string;
  params: Map<string, Located>;
  /** `implicit`: the monitor pcs adds by itself to a resource it creates. */
  ops: { name: string; interval?: string; span: Span; implicit?: boolean }[];
  /** The clone, master/slave or bundle that runs it everywhere, when there is one. */
  cloneId?: string;
  /** The group it belongs to: the group's members run together, in order, on one node. */
  groupId?: string;
  span: Span;
}
export interface PmModel {
  syntax: 'cib' | 'crm' | 'pcs';
  /** Cluster properties by name as written: their value, and where the name is. */
  properties: Map<string, Located & { nameSpan?: Span }>;
  resources: PmResource[];
  /** clone id -> resource id */
  clones: Map<string, string>;
  /** group id -> its members' ids, in order */
  groups: Map<string, string[]>;
  colocations: { a: string; b: string }[];
  orders: { first: string; then: string }[];
  /** Cluster nodes, when the file says (CIB <nodes>, pcs cluster setup). */
  nodes?: number;
  /** The cluster nodes' names (CIB <node uname>), when the file gives them. */
  nodeNames?: string[];
  problems: { message: string; span: Span }[];
  /** Where a finding about the whole configuration goes (the CIB's <resources>, else the file's start). */
  anchor: Span;
}

export const emptyModel = (syntax: PmModel['syntax']): PmModel => ({
  syntax,
  properties: new Map(),
  resources: [],
  clones: new Map(),
  groups: new Map(),
  colocations: [],
  orders: [],
  problems: [],
  anchor: { start: 0, end: 0 },
});

/** Sets each resource's group from the model's groups (after a parser has read them all). */
export function joinGroups(m: PmModel): void {
  const byId = new Map(m.resources.map((r) => [r.id, r]));
  for (const [g, members] of m.groups)
    for (const id of members) {
      const r = byId.get(id);
      if (r) r.groupId = g;
    }
}

/** The resource a constraint names, without the role or action after it (`ms_drbd:Master`, `vip:start`). */
export const constrained = (ref: string) =>
  ref.replace(/:(Master|Slave|Promoted|Unpromoted|Started|Stopped|start|stop|promote|demote)$/i, '');

/** A resource, the clone around it and the group it is in are one thing for constraints: `vip`, `haproxy-clone`, `g_mysql`. */
export function sameResource(m: PmModel, ref: string, r: PmResource): boolean {
  const base = constrained(ref);
  return (
    base === r.id ||
    (r.cloneId !== undefined && base === r.cloneId) ||
    (r.groupId !== undefined && (base === r.groupId || m.clones.get(base) === r.groupId))
  );
}

/** Two resources that always run on the same node: one group, or a colocation between them (or what holds them). */
export function runTogether(m: PmModel, a: PmResource, b: PmResource): boolean {
  if (a.groupId !== undefined && a.groupId === b.groupId) return true;
  return colocated(m).get(a)?.has(b) ?? false;
}

/** The resources that always run where `r` runs: its group's other members and what colocations tie it to. */
export function partners(m: PmModel, r: PmResource): PmResource[] {
  const byId = ids(m);
  const group =
    r.groupId !== undefined ? (m.groups.get(r.groupId) ?? []).map((id) => byId.get(id)).filter((x): x is PmResource => !!x && x !== r) : [];
  return [...new Set([...group, ...(colocated(m).get(r) ?? [])])];
}

const IDS = new WeakMap<PmModel, Map<string, PmResource>>();
function ids(m: PmModel): Map<string, PmResource> {
  let out = IDS.get(m);
  if (!out) {
    out = new Map(m.resources.map((r) => [r.id, r]));
    IDS.set(m, out);
  }
  return out;
}

/** For each resource, the resources a colocation ties it to: worked out once per model, so asking is cheap. */
const COLOCATED = new WeakMap<PmModel, Map<PmResource, Set<PmResource>>>();
function colocated(m: PmModel): Map<PmResource, Set<PmResource>> {
  let out = COLOCATED.get(m);
  if (out) return out;
  out = new Map();
  // what a constraint's name stands for: a resource, the clone around it, its group, a clone of its group
  const named = new Map<string, PmResource[]>();
  const add = (name: string | undefined, r: PmResource) => {
    if (name !== undefined) named.set(name, [...(named.get(name) ?? []), r]);
  };
  for (const r of m.resources) {
    add(r.id, r);
    add(r.cloneId, r);
    add(r.groupId, r);
  }
  for (const [clone, inner] of m.clones) if (m.groups.has(inner)) for (const r of named.get(inner) ?? []) add(clone, r);
  for (const c of m.colocations) {
    for (const a of new Set(named.get(constrained(c.a)) ?? []))
      for (const b of new Set(named.get(constrained(c.b)) ?? [])) {
        if (!out.has(a)) out.set(a, new Set());
        if (!out.has(b)) out.set(b, new Set());
        out.get(a)!.add(b);
        out.get(b)!.add(a);
      }
  }
  COLOCATED.set(m, out);
  return out;
}

/** A cluster property, under any of its names (Pacemaker 2.1.8+ renamed stonith-enabled to fencing-enabled) and either spelling (stonith-enabled, stonith_enabled). */
export function property(m: PmModel, ...names: string[]): (Located & { name: string }) | undefined {
  for (const name of names) {
    for (const key of [name, name.replace(/-/g, '_')]) {
      const p = m.properties.get(key);
      if (p) return { ...p, name: key };
    }
  }
  return undefined;
}
/** Is fencing turned on or off, under the old name or the new one. */
export const fencingProperty = (m: PmModel) => property(m, 'fencing-enabled', 'stonith-enabled');
/** Pacemaker's booleans: yes/true/on/y/1 and no/false/off/n/0. */
export function isFalse(v: string): boolean {
  return /^(false|no|off|n|0)$/i.test(v.trim());
}
export const isStonith = (r: PmResource) => r.agent.startsWith('stonith:');
export const isVip = (r: PmResource) => /(^|:)IPaddr2?$/.test(r.agent);
export const hasMonitor = (r: PmResource) => r.ops.some((o) => o.name === 'monitor');

const INTERVAL = /^(\d+(\.\d+)?\s*(ms|msec|us|usec|s|sec|m|min|h|hr)?|P(T?\d+[HMSDWY])+|PT\d+(\.\d+)?S)$/i;
const UNIT_MS: Record<string, number> = {
  '': 1000,
  ms: 1,
  msec: 1,
  us: 0.001,
  usec: 0.001,
  s: 1000,
  sec: 1000,
  m: 60000,
  min: 60000,
  h: 3600000,
  hr: 3600000,
};
const ISO_MS: Record<string, number> = { Y: 365 * 86400000, M: 30 * 86400000, W: 7 * 86400000, D: 86400000 };

/**
 * A Pacemaker interval in milliseconds: a number with an optional unit (`300` is seconds, `5min`,
 * `500ms`) or ISO 8601 (`PT5M`, `P1D`; M is months before the T and minutes after it); undefined
 * when Pacemaker cannot read it.
 */
export function intervalMs(v: string): number | undefined {
  const t = v.trim();
  if (!INTERVAL.test(t)) return undefined;
  const plain = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(t);
  if (plain) return Number(plain[1]) * UNIT_MS[plain[2].toLowerCase()];
  let ms = 0,
    time = false;
  for (const [, tee, n, unit] of t
    .slice(1)
    .toUpperCase()
    .matchAll(/(T?)(\d+(?:\.\d+)?)([HMSDWY])/g)) {
    time ||= tee === 'T';
    ms += Number(n) * (unit === 'H' ? 3600000 : unit === 'S' ? 1000 : unit === 'M' && time ? 60000 : ISO_MS[unit]);
  }
  return ms;
}
