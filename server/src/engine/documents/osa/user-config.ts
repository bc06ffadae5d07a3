/**
 * OpenStack-Ansible's openstack_user_config.yml and conf.d/*.yml (one schema): the networks, the
 * reserved addresses, the global overrides and the `*_hosts` groups, each with the place the user
 * wrote it. Read through the manifest's guarded YAML parse; aliases and merge keys (`<<: *a`) are
 * followed to where the anchored hosts are written. Wrong shapes anywhere are skipped, never thrown on.
 */
import { Document, isAlias, isMap, isScalar, isSeq, Node, Pair, Scalar, YAMLMap } from 'yaml';
import type { Finding, Span } from '../../types';
import type { Known } from '../ansible/values';
import { parseYamlReadOnly } from '../manifest/parse';
import { spanOf } from '../manifest/yaml-ast';
import { isVault, scalarValue } from '../kolla/globals';

export interface OsaCidr {
  name: string;
  /** As written (not checked here: a rule says whether it is a CIDR). */
  cidr: string;
  file: string;
  span: Span;
}

export interface OsaUsedIp {
  /** "a,b" gives a range; a single address gives from = to. Trimmed, not checked. */
  from: string;
  to: string;
  file: string;
  span: Span;
}

export interface OsaOverride {
  name: string;
  /** A scalar as written; null for a list, a mapping, a vault or null. */
  raw: Known | null;
  file: string;
  keySpan: Span;
  valueSpan: Span;
}

export interface OsaHost {
  name: string;
  /** The host's `ip` as written, when it is a scalar. */
  ip?: string;
  ipSpan?: Span;
  /** The host's key, where it is written (through an alias: at the anchored entry). */
  keySpan: Span;
  file: string;
}

export interface OsaGroup {
  /** The key as written (`shared-infra_hosts`); the map's key is the normalised name (`shared_infra_hosts`). */
  name: string;
  file: string;
  keySpan: Span;
  hosts: OsaHost[];
}

export interface OsaUserConfig {
  /** The file read; for a merge, the first part's. */
  file: string;
  cidrNetworks: Map<string, OsaCidr>;
  usedIps: OsaUsedIp[];
  globalOverrides: Map<string, OsaOverride>;
  /** Keyed by the normalised group name: `-` read as `_`, as OSA's generator does. */
  groups: Map<string, OsaGroup>;
  /** YAML errors, as parse-error findings of `file` (a merge keeps each part's in `parts`). */
  problems: Finding[];
}

/** OSA reads `shared-infra_hosts` as `shared_infra_hosts` (generate.py, _normalize_user_config). */
export function normaliseGroupName(name: string): string {
  return name.replace(/-/g, '_');
}

const empty = (file: string): OsaUserConfig => ({
  file,
  cidrNetworks: new Map(),
  usedIps: [],
  globalOverrides: new Map(),
  groups: new Map(),
  problems: [],
});

/** Aliases followed at most this deep (an anchor's value that is itself an alias, ...). */
const MAX_ALIAS_DEPTH = 32;

export function parseUserConfig(text: string, file: string): OsaUserConfig {
  const out = empty(file);
  const parsed = parseYamlReadOnly(text);
  out.problems.push(...parsed.findings.filter((f) => f.rule === 'parse-error'));
  const doc = parsed.doc;
  const root = doc ? resolve(doc, doc.contents) : undefined;
  if (!parsed.ok || !doc || !isMap(root)) return out;
  for (const pair of entries(doc, root)) {
    if (!isScalar(pair.key)) continue;
    const key = pair.key.value;
    if (typeof key !== 'string') continue;
    const keySpan = spanOf(pair.key);
    const value = resolve(doc, pair.value);
    if (key === 'cidr_networks') readCidrs(doc, value, file, out);
    else if (key === 'used_ips') readUsedIps(doc, value, file, out);
    else if (key === 'global_overrides') readOverrides(doc, value, file, out);
    else if (key.endsWith('_hosts') && !key.startsWith('_')) {
      const hosts = readHosts(doc, value, file);
      const id = normaliseGroupName(key);
      const known = out.groups.get(id);
      if (known) mergeHosts(known.hosts, hosts);
      else out.groups.set(id, { name: key, file, keySpan, hosts });
    }
  }
  return out;
}

/**
 * Several files as OSA's generator reads them: openstack_user_config.yml first, then the others
 * (conf.d/*.yml) in name order, each merged into what came before as its merge_dict does: mappings
 * key by key (a later file adds hosts to a group, and a host written again keeps what it did not
 * restate), anything else replaced (a later used_ips replaces the list).
 */
export function mergeUserConfigs(parts: OsaUserConfig[]): OsaUserConfig {
  const ordered = [...parts].sort((a, b) => {
    const ma = isMainFile(a.file) ? 0 : 1,
      mb = isMainFile(b.file) ? 0 : 1;
    return ma !== mb ? ma - mb : a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
  });
  const out = empty(ordered[0]?.file ?? '');
  for (const p of ordered) {
    for (const [k, v] of p.cidrNetworks) out.cidrNetworks.set(k, v);
    if (p.usedIps.length) out.usedIps = [...p.usedIps];
    for (const [k, v] of p.globalOverrides) out.globalOverrides.set(k, v);
    for (const [k, g] of p.groups) {
      const known = out.groups.get(k);
      if (known) mergeHosts(known.hosts, g.hosts);
      else out.groups.set(k, { ...g, hosts: g.hosts.map((h) => ({ ...h })) });
    }
  }
  return out;
}

function isMainFile(file: string): boolean {
  return /(^|[/\\])openstack_user_config\.ya?ml$/.test(file);
}

/** A host written again: its later `ip` wins, what it does not restate stays. */
function mergeHosts(into: OsaHost[], more: OsaHost[]): void {
  const at = new Map<string, number>();
  into.forEach((h, i) => at.set(h.name, i));
  for (const h of more) {
    const i = at.get(h.name);
    if (i === undefined) {
      at.set(h.name, into.length);
      into.push({ ...h });
    } else if (h.ip !== undefined) into[i] = { ...into[i], ip: h.ip, ipSpan: h.ipSpan, file: h.file };
  }
}

function readCidrs(doc: Document, value: unknown, file: string, out: OsaUserConfig): void {
  if (!isMap(value)) return;
  for (const pair of entries(doc, value)) {
    const name = keyName(pair);
    const v = resolve(doc, pair.value);
    if (name === undefined || !isScalar(v)) continue;
    const cidr = text(v);
    if (cidr !== undefined) out.cidrNetworks.set(name, { name, cidr, file, span: spanOf(v) });
  }
}

function readUsedIps(doc: Document, value: unknown, file: string, out: OsaUserConfig): void {
  if (!isSeq(value)) return;
  for (const item of value.items) {
    const v = resolve(doc, item);
    if (!isScalar(v)) continue;
    const s = text(v);
    if (s === undefined || !s.trim()) continue;
    const [from, to, ...rest] = s.split(',').map((x) => x.trim());
    if (rest.length) continue;
    out.usedIps.push({ from, to: to ?? from, file, span: spanOf(v) });
  }
}

function readOverrides(doc: Document, value: unknown, file: string, out: OsaUserConfig): void {
  if (!isMap(value)) return;
  for (const pair of entries(doc, value)) {
    const name = keyName(pair);
    if (name === undefined) continue;
    const keySpan = spanOf(pair.key as Node);
    const v = resolve(doc, pair.value);
    // the value where it is written here (an alias: at the `*name`)
    const valueSpan = spanOfOr(pair.value, keySpan);
    const raw = isScalar(v) && !isVault(v) ? scalarValue(v) : null;
    out.globalOverrides.set(name, { name, raw, file, keySpan, valueSpan });
  }
}

function readHosts(doc: Document, value: unknown, file: string): OsaHost[] {
  const hosts: OsaHost[] = [];
  if (!isMap(value)) return hosts;
  for (const pair of entries(doc, value)) {
    const name = keyName(pair);
    if (name === undefined) continue;
    const host: OsaHost = { name, keySpan: spanOf(pair.key as Node), file };
    const v = resolve(doc, pair.value);
    if (isMap(v)) {
      for (const p of entries(doc, v)) {
        if (keyName(p) !== 'ip') continue;
        const ip = resolve(doc, p.value);
        const s = isScalar(ip) ? text(ip) : undefined;
        if (s !== undefined) {
          host.ip = s.trim();
          host.ipSpan = spanOf(ip as Scalar);
        }
      }
    }
    // entries() gives each name once
    hosts.push(host);
  }
  return hosts;
}

/**
 * A mapping's pairs with its merge keys expanded (`<<: *a`, `<<: [*a, *b]`): the pairs written in
 * it win over merged ones, an earlier merged mapping over a later one, as YAML's merge key says.
 * The merged pairs are the anchored ones, so their places are where the anchor's entries are written.
 */
function entries(doc: Document, map: YAMLMap, depth = 0): Pair[] {
  const own: Pair[] = [];
  const merged: Pair[] = [];
  for (const pair of map.items) {
    if (!isMergeKey(pair.key)) {
      own.push(pair);
      continue;
    }
    if (depth > MAX_ALIAS_DEPTH) continue;
    const v = pair.value;
    const sources = isSeq(v) ? v.items : [v];
    for (const s of sources) {
      const m = resolve(doc, s);
      if (isMap(m) && m !== map) merged.push(...entries(doc, m, depth + 1));
    }
  }
  const seen = new Set<string>();
  const out: Pair[] = [];
  for (const p of [...own, ...merged]) {
    const k = keyName(p);
    if (k !== undefined) {
      if (seen.has(k)) continue;
      seen.add(k);
    }
    out.push(p);
  }
  return out;
}

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && (key.value === '<<' || (key as Scalar & { source?: string }).source === '<<' || typeof key.value === 'symbol');
}

/** A node with its aliases followed; undefined when an alias cannot be resolved. */
function resolve(doc: Document, node: unknown): unknown {
  let n = node;
  for (let i = 0; i < MAX_ALIAS_DEPTH && isAlias(n); i++) {
    try {
      n = n.resolve(doc);
    } catch {
      return undefined;
    }
  }
  return isAlias(n) ? undefined : n;
}

/** A key as text: strings and numbers (a host named 1 is still a name); undefined for anything else. */
function keyName(pair: Pair): string | undefined {
  const k = pair.key;
  if (!isScalar(k)) return undefined;
  return typeof k.value === 'string' || typeof k.value === 'number' ? String(k.value) : undefined;
}

function text(node: Scalar): string | undefined {
  const v = node.value;
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

function spanOfOr(node: unknown, fallback: Span): Span {
  const r = (node as { range?: [number, number, number] | null } | null)?.range;
  return r ? { start: r[0], end: r[1] } : fallback;
}
