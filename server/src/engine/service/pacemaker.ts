/** Hover, outline and completion for Pacemaker configurations (CIB, crm, pcs). */
import { typedLineStart } from '../text/line-breaks';
import { PmSyntax } from '../documents/pacemaker/recognise';
import { hasMonitor, isStonith, isVip, PmModel, PmResource, sameResource } from '../documents/pacemaker/model';
import { Finding } from '../types';
import { DocLink, HoverResult, topicMarkdown, withFindings } from './hover';
import { SymbolNode } from './navigation';
import { CompletionItem, CompletionResult } from './completion';
import { ClusterProperty, clusterProperty, PACEMAKER_SOURCE, PROPERTY_NAMES, valuesInWords } from '../knowledge/pacemaker/catalogue';

const PROPERTY_TOPIC: Record<string, string> = {
  'stonith-enabled': 'fencing-stonith',
  stonith_enabled: 'fencing-stonith',
  'fencing-enabled': 'fencing-stonith',
  'no-quorum-policy': 'no-quorum-policy',
  no_quorum_policy: 'no-quorum-policy',
};

function describe(m: PmModel, r: PmResource): string {
  const lines = [
    `**${r.id}**: \`${r.agent}\`${r.cloneId ? `, cloned as \`${r.cloneId}\` (runs on every node)` : ', one instance at a time'}`,
  ];
  const monitors = r.ops
    .filter((o) => o.name === 'monitor')
    .map((o) => (o.implicit ? "the interval pcs gives it (the agent's default, else 60s)" : (o.interval ?? '?')));
  lines.push(
    monitors.length
      ? `monitored every ${monitors.join(', ')}`
      : isStonith(r)
        ? 'fence device (Pacemaker monitors it by default)'
        : 'no monitor operation: a failure goes unnoticed',
  );
  const ip = r.params.get('ip')?.value;
  if (isVip(r) && ip)
    lines.push(`address ${ip}${r.params.get('cidr_netmask') ? `/${r.params.get('cidr_netmask')!.value}` : ' (no cidr_netmask)'}`);
  const withs = m.colocations.flatMap((c) => (sameResource(m, c.a, r) ? [c.b] : sameResource(m, c.b, r) ? [c.a] : []));
  if (withs.length) lines.push(`colocated with ${withs.map((w) => `\`${w}\``).join(', ')}`);
  const after = m.orders.filter((o) => sameResource(m, o.then, r)).map((o) => o.first);
  if (after.length) lines.push(`starts after ${after.map((w) => `\`${w}\``).join(', ')}`);
  return lines.join('  \n');
}

export function pmHover(m: PmModel, findings: Finding[], offset: number, docLink: DocLink): HoverResult | undefined {
  const parts: string[] = [];
  let span: { start: number; end: number } | undefined;
  const r = m.resources.find((x) => x.idSpan.start <= offset && offset <= x.idSpan.end);
  if (r) {
    parts.push(describe(m, r));
    if (isVip(r)) parts.push(topicMarkdown('vip'));
    else if (isStonith(r)) parts.push(topicMarkdown('fencing-stonith'));
    span = r.idSpan;
  }
  for (const [name, p] of m.properties) {
    const at = (x?: { start: number; end: number }) => x && x.start <= offset && offset <= x.end;
    if (!at(p.span) && !at(p.nameSpan)) continue;
    const known = clusterProperty(name);
    if (!known && !PROPERTY_TOPIC[name]) continue;
    parts.push(`**${name}** = \`${p.value}\``);
    if (known) parts.push(describeProperty(known));
    if (PROPERTY_TOPIC[name]) parts.push(topicMarkdown(PROPERTY_TOPIC[name]));
    span = at(p.nameSpan) ? p.nameSpan : p.span;
  }
  return withFindings(parts, span, findings, offset, docLink);
}

/** What Pacemaker's metadata says of a cluster property: its type, values and default. */
function describeProperty(p: ClusterProperty): string {
  const kind = valuesInWords(p, (v) => `\`${v}\``);
  return `${PACEMAKER_SOURCE} cluster property: ${kind}${p.d !== undefined ? `; default \`${p.d}\`` : ''}.`;
}

export function pmSymbols(m: PmModel): SymbolNode[] {
  const out: SymbolNode[] = [];
  // a property set twice keeps its first place in the map but the span of its last setting: order by position
  const props = [...m.properties]
    .map(([name, p]): SymbolNode => ({
      name,
      detail: p.value,
      kind: 'option',
      span: p.span,
      selection: p.span,
      children: [],
    }))
    .sort((a, b) => a.span.start - b.span.start);
  if (props.length)
    out.push({
      name: 'properties',
      detail: `${props.length}`,
      kind: 'section',
      span: { start: props[0].span.start, end: Math.max(...props.map((p) => p.span.end)) },
      selection: props[0].span,
      children: props,
    });
  for (const r of m.resources) {
    out.push({
      name: r.id,
      detail: `${r.agent}${r.cloneId ? ` (clone ${r.cloneId})` : ''}${!hasMonitor(r) && !isStonith(r) ? ', no monitor' : ''}`,
      kind: 'section',
      span: r.span,
      selection: r.idSpan,
      children: [],
    });
  }
  return out;
}

/** Cluster properties the guide sets, with the values it gives them (the first is the guide's). */
const PROPERTIES: [string, string[]][] = [
  ['stonith-enabled', ['true', 'false']],
  ['no-quorum-policy', ['stop', 'freeze', 'demote', 'suicide', 'ignore']],
  ['cluster-recheck-interval', ['5min']],
  ['pe-warn-series-max', ['1000']],
  ['pe-input-series-max', ['1000']],
  ['pe-error-series-max', ['1000']],
  ['symmetric-cluster', ['true', 'false']],
];
/** Resource agents of the guide's setups. */
const AGENTS = [
  'ocf:heartbeat:IPaddr2',
  'systemd:haproxy',
  'ocf:heartbeat:galera',
  'ocf:heartbeat:rabbitmq-cluster',
  'systemd:openstack-cinder-volume',
  'ocf:heartbeat:Filesystem',
  'ocf:pacemaker:ping',
];

/** In a crm file (`property x=`, `primitive id agent`) or a pcs script (`pcs property set x=`, `pcs resource create id agent`). */
export function pmComplete(text: string, offset: number, syntax?: PmSyntax): CompletionResult | undefined {
  if (syntax === 'cib') return cibComplete(text, offset);
  const lineStart = typedLineStart(text, offset);
  const prefix = text.slice(lineStart, offset);
  const value = /(?:^\s*property\s+|\bpcs\s+property\s+set\s+)(?:\S+\s+)*([\w-]+)=["']?([\w-]*)$/.exec(prefix);
  if (value) {
    const values = propertyValues(value[1]);
    if (!values) return undefined;
    return {
      items: values.map((v, i) => ({ label: v, kind: 'value', insertText: v, preselect: i === 0 })),
      replaceStart: offset - value[2].length,
      replaceEnd: offset,
    };
  }
  const name = /(?:^\s*property\s+|\bpcs\s+property\s+set\s+)(?:\S+\s+)*([\w-]*)$/.exec(prefix);
  if (name) return { items: propertyItems(), replaceStart: offset - name[1].length, replaceEnd: offset };
  const agent = /(?:^\s*primitive\s+\S+\s+|\bpcs\s+resource\s+create\s+\S+\s+)([\w:-]*)$/.exec(prefix);
  if (agent)
    return {
      items: AGENTS.map((a) => ({ label: a, kind: 'value', insertText: a })),
      replaceStart: offset - agent[1].length,
      replaceEnd: offset,
    };
  return undefined;
}

/** The values to offer for a property: the guide's (its own first), else the metadata's list or true/false. */
function propertyValues(name: string): string[] | undefined {
  const guide = PROPERTIES.find(([k]) => k === name)?.[1];
  if (guide) return guide;
  const p = clusterProperty(name);
  return p?.t === 'select' ? p.v : p?.t === 'boolean' ? ['true', 'false'] : undefined;
}

/** Every cluster property: the guide's first, with its value, then the others of Pacemaker's metadata. */
function propertyItems(): CompletionItem[] {
  const guide = PROPERTIES.map(([k, v]): CompletionItem => ({ label: k, kind: 'property', insertText: `${k}=${v[0]}`, sortText: `0${k}` }));
  const rest = PROPERTY_NAMES.filter((k) => !PROPERTIES.some(([g]) => g === k)).map((k): CompletionItem => {
    const p = clusterProperty(k)!;
    return { label: k, kind: 'property', detail: p.d !== undefined ? `default ${p.d}` : undefined, insertText: `${k}=`, sortText: `1${k}` };
  });
  return [...guide, ...rest];
}

/** Operations a resource's <op> or `op` names. */
const OPERATIONS = ['monitor', 'start', 'stop', 'promote', 'demote', 'notify', 'migrate_to', 'migrate_from'];
const CLASSES = ['ocf', 'systemd', 'stonith', 'lsb', 'service'];

/**
 * Completion inside a CIB: the value of the attribute being typed in the tag being written, by
 * element: nvpair names and values of cluster properties, a primitive's class, provider and type
 * (from the guide's agents), an op's name.
 */
function cibComplete(text: string, offset: number): CompletionResult | undefined {
  const open = text.lastIndexOf('<', offset - 1);
  if (open < 0 || text.slice(open, offset).includes('>')) return undefined;
  const tag = text.slice(open, offset);
  const m = /^<([\w:-]+)\b([\s\S]*?)\s([\w-]+)=(["'])([^"']*)$/.exec(tag);
  if (!m) return undefined;
  const [, element, before, attr, , typed] = m;
  const attrs = new Map([...before.matchAll(/([\w-]+)=["']([^"']*)["']/g)].map((a) => [a[1], a[2]]));
  const items = (labels: string[], kind: 'value' | 'property' = 'value', preselectFirst = false) => ({
    items: labels.map((l, i) => ({ label: l, kind, insertText: l, preselect: preselectFirst && i === 0 })),
    replaceStart: offset - typed.length,
    replaceEnd: offset,
  });
  if (element === 'nvpair' && insideClusterProperties(text, open)) {
    if (attr === 'name') return { ...items([]), items: propertyItems().map((i) => ({ ...i, insertText: i.label })) };
    const values = attr === 'value' ? propertyValues(attrs.get('name') ?? '') : undefined;
    return values ? items(values, 'value', true) : undefined;
  }
  if (element === 'primitive') {
    const parts = AGENTS.map((a) => a.split(':')).map((x) => (x.length === 3 ? x : [x[0], '', x[1]]));
    if (attr === 'class') return items(CLASSES);
    if (attr === 'provider')
      return items([...new Set(parts.filter((x) => x[1] && (!attrs.get('class') || x[0] === attrs.get('class'))).map((x) => x[1]))]);
    if (attr === 'type')
      return items(
        parts
          .filter((x) => (!attrs.get('class') || x[0] === attrs.get('class')) && (!attrs.get('provider') || x[1] === attrs.get('provider')))
          .map((x) => x[2]),
      );
    return undefined;
  }
  if (element === 'op' && attr === 'name') return items(OPERATIONS, 'value', true);
  return undefined;
}

/** Is `at` inside a <cluster_property_set> (not a resource's attributes)? */
function insideClusterProperties(text: string, at: number): boolean {
  const before = text.slice(0, at);
  return before.lastIndexOf('<cluster_property_set') > before.lastIndexOf('</cluster_property_set');
}
