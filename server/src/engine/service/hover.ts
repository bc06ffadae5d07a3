/** Hover text in Markdown: fields, services, referenced names, HA terms and the findings under the cursor. */
import { Manifest } from '../documents/manifest/model';
import { Schema } from '../documents/manifest/schema';
import {
  clusterVotes,
  memberNames,
  quorumOf,
  quorumDeviceVotes,
  plural,
  serviceNodeNames,
  servicePort,
  isStateful,
  balancerOf,
  serviceVipNames,
} from '../documents/manifest/queries';
import { lookupService, ServiceInfo } from '../knowledge/services';
import { TOPICS } from '../knowledge/topics';
import { guidePage } from '../knowledge/guide';
import { Finding, Span } from '../types';
import { ruleMeta } from '../rules';
import { pathAt, schemaAt } from './path';
import { occurrenceAt } from './references';

export interface HoverResult {
  markdown: string;
  span: Span;
}
export type DocLink = (ruleId: string) => string;

/** Which topic explains an enum value. */
const VALUE_TOPICS: Record<string, string> = {
  'active-active': 'active-active',
  'active-passive': 'active-passive',
  clustered: 'quorum',
  'client-side': 'memcached-client-hashing',
  pacemaker: 'pacemaker',
  keepalived: 'keepalived',
  ignore: 'no-quorum-policy',
  stop: 'no-quorum-policy',
  freeze: 'no-quorum-policy',
  knet: 'corosync',
  udpu: 'corosync',
  udp: 'corosync',
  lvm: 'shared-storage',
  file: 'shared-storage',
  ceph: 'shared-storage',
};

export function topicMarkdown(key: string): string {
  const t = TOPICS[key];
  return t ? `**${t.title}.** ${t.text} ([HA guide](${guidePage(t.guide)}))` : '';
}

export function serviceMarkdown(name: string, info: ServiceInfo | undefined): string {
  if (!info) return `**${name}**: not in the service catalogue; set \`stateful:\` so the checks can judge it.`;
  const lines = [
    `**${name}**${info.name !== name ? ` (${info.name})` : ''}: ${info.stateful ? 'stateful' : 'stateless'}${info.port ? `, port ${info.port}` : ''}; recommended mode: ${info.modes.map((m) => `\`${m}\``).join(' or ')}`,
    '',
    info.advice,
    '',
    `[HA guide](${guidePage(info.guide)})`,
  ];
  return lines.join('\n');
}

function fieldMarkdown(key: string, s: Schema): string {
  const parts = [`**${key}**: ${s.description}`];
  if (s.type === 'string' && s.enum && !s.const) parts.push(`Values: ${s.enum.map((v) => `\`${v}\``).join(', ')}`);
  if (s.type === 'integer' && (s.minimum !== undefined || s.maximum !== undefined))
    parts.push(`Range: ${s.minimum ?? ''}..${s.maximum ?? ''}`);
  if (s.topic) parts.push(topicMarkdown(s.topic));
  return parts.join('\n\n');
}

function entityMarkdown(m: Manifest, kind: string, name: string): string {
  if (kind === 'node') {
    const n = m.nodes.get(name);
    if (!n) return `**${name}**: no such node under \`nodes\``;
    const inClusters = [...m.clusters.values()].filter((c) => memberNames(c).includes(name)).map((c) => c.name);
    const runs = [...m.services.values()].filter((s) => serviceNodeNames(m, s).includes(name)).map((s) => s.name);
    return [
      `**node ${name}**${n.address ? `: ${n.address.value}` : ''}${n.roles.length ? ` (${n.roles.map((r) => r.value).join(', ')})` : ''}`,
      n.failureDomain ? `Failure domain: ${n.failureDomain.value}` : '',
      inClusters.length ? `Member of: ${inClusters.join(', ')}` : 'Not a member of any cluster',
      runs.length ? `Runs: ${runs.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('\n\n');
  }
  if (kind === 'cluster') {
    const c = m.clusters.get(name);
    if (!c) return `**${name}**: no such cluster under \`clusters\``;
    const votes = clusterVotes(c);
    return [
      `**cluster ${name}** (${c.manager}): ${memberNames(c).length} members, ${votes} votes${c.quorumDevice ? (c.quorumDevice.algorithm === 'lms' ? ` (with an lms quorum device of ${plural(quorumDeviceVotes(c), 'vote')})` : ' (with a quorum device)') : ''}`,
      c.manager === 'pacemaker' && votes > 0
        ? `Quorum: ${quorumOf(votes)} of ${votes}; it survives the loss of ${votes - quorumOf(votes)} vote${votes - quorumOf(votes) === 1 ? '' : 's'}.`
        : '',
      topicMarkdown(c.manager === 'keepalived' ? 'keepalived' : 'quorum'),
    ]
      .filter(Boolean)
      .join('\n\n');
  }
  if (kind === 'vip') {
    const v = m.vips.get(name);
    if (!v) return `**${name}**: no such VIP under \`vips\``;
    const users = [...m.services.values()].filter((s) => serviceVipNames(s).includes(name)).map((s) => s.name);
    return [
      `**VIP ${name}**${v.address ? `: ${v.address.value}${v.cidr ? `/${v.cidr.value}` : ''}` : ''}${v.cluster ? `, moved by cluster ${v.cluster.value}` : ', no cluster moves it'}`,
      users.length ? `Used by: ${users.join(', ')}` : '',
      topicMarkdown('vip'),
    ]
      .filter(Boolean)
      .join('\n\n');
  }
  const s = m.services.get(name);
  if (!s) return serviceMarkdown(name, lookupService(name));
  const facts = [`runs on ${serviceNodeNames(m, s).length} node(s)`];
  const port = servicePort(s);
  if (port) facts.push(`port ${port}`);
  const lb = balancerOf(s);
  if (lb) facts.push(`behind ${lb}`);
  if (isStateful(s) === undefined) facts.push('statefulness unknown');
  return `${serviceMarkdown(name, s.info)}\n\nHere: ${facts.join(', ')}.`;
}

export function hover(m: Manifest, findings: Finding[], offset: number, docLink: DocLink): HoverResult | undefined {
  const parts: string[] = [];
  let span: Span | undefined;
  const occ = occurrenceAt(m, offset);
  const at = pathAt(m.doc, offset);
  if (occ) {
    parts.push(entityMarkdown(m, occ.kind, occ.name));
    span = occ.span;
  } else if (at) {
    const s = schemaAt(at.path);
    const key = at.path[at.path.length - 1];
    if (at.onKey && s) parts.push(fieldMarkdown(key, s));
    else if (!at.onKey && at.node && 'value' in at.node) {
      const v = String((at.node as { value: unknown }).value);
      const vs = s?.type === 'list' ? s.items : s;
      if (
        key === 'mode' ||
        key === 'manager' ||
        key === 'no_quorum_policy' ||
        key === 'transport' ||
        key === 'backend' ||
        (vs?.type === 'string' && vs.enum)
      ) {
        const t = VALUE_TOPICS[v];
        parts.push(`\`${key}: ${v}\`${t ? `\n\n${topicMarkdown(t)}` : s ? `\n\n${s.description}` : ''}`);
      } else if (s) parts.push(fieldMarkdown(key, s));
    }
    span = at.span;
  }
  const f = findingsMarkdown(findings, offset, docLink);
  if (f) parts.push(f);
  return parts.length && span ? { markdown: parts.join('\n\n---\n\n'), span } : undefined;
}

/** Why each finding under the cursor matters, with its guide page and doc link. */
export function findingsMarkdown(findings: Finding[], offset: number, docLink: DocLink): string {
  const parts: string[] = [];
  for (const f of findings) {
    if (f.span.start > offset || offset > f.span.end) continue;
    const meta = ruleMeta(f.rule);
    if (!meta || parts.some((p) => p.startsWith(`**${meta.id}**`))) continue;
    parts.push(
      `**${meta.id}**: ${meta.why}${meta.guide ? ` ([HA guide](${guidePage(meta.guide)}))` : ''} · [rule documentation](${docLink(meta.id)})`,
    );
  }
  return parts.join('\n\n');
}

/**
 * A hover's parts, with the findings under the cursor appended; the span is the hovered item's, or
 * else the finding's. Shared by the config-file hovers.
 */
export function withFindings(
  parts: string[],
  span: Span | undefined,
  findings: Finding[],
  offset: number,
  docLink: DocLink,
): HoverResult | undefined {
  const f = findingsMarkdown(findings, offset, docLink);
  if (f) {
    parts.push(f);
    span = span ?? findings.find((x) => x.span.start <= offset && offset <= x.span.end)?.span;
  }
  return parts.length && span ? { markdown: parts.join('\n\n---\n\n'), span } : undefined;
}
