/** Hover, completion and outline for OpenStack service configs, over the parsed file and its catalogue. */
import { typedLineStart } from '../text/line-breaks';
import { ConfView } from '../documents/oslo-conf/context';
import { ConfEntry, ConfSection } from '../documents/oslo-conf/parse';
import { shown } from '../documents/oslo-conf/secrets';
import { OptionInfo } from '../knowledge/options/types';
import { KOLLA_GLOBAL } from '../knowledge/options/catalog';
import { Finding, Span } from '../types';
import { HoverResult, DocLink, topicMarkdown, findingsMarkdown } from './hover';
import { CompletionResult, CompletionItem } from './completion';
import { SymbolNode } from './navigation';

/** The HA guide's advice (our words, topics.ts) for the options it talks about. */
const ADVICE: Record<string, string> = {
  transport_url: 'rabbitmq-no-haproxy',
  rabbit_hosts: 'rabbitmq-no-haproxy',
  rabbit_quorum_queue: 'rabbitmq-mirrored-vs-quorum-queues',
  rabbit_ha_queues: 'rabbitmq-mirrored-vs-quorum-queues',
  amqp_durable_queues: 'rabbitmq-cluster',
  heartbeat_timeout_threshold: 'rabbitmq-cluster',
  memcached_servers: 'memcached-client-hashing',
  memcache_servers: 'memcached-client-hashing',
  connection: 'galera-single-writer',
  max_retries: 'galera-single-writer',
  dhcp_agents_per_network: 'neutron-dhcp-ha',
  l3_ha: 'neutron-l3-ha',
  max_l3_agents_per_router: 'neutron-l3-ha',
  allow_automatic_l3agent_failover: 'neutron-l3-ha',
  host: 'cinder-volume-ap',
  backend_url: 'tooz-coordination',
};

/** The service's configuration reference, where the prose about each option lives. */
export function referenceUrl(view: ConfView): string {
  // kolla-ansible's global.conf, merged into every service: kolla's page about it
  if (view.catalog.file === KOLLA_GLOBAL)
    return 'https://docs.openstack.org/kolla-ansible/latest/admin/advanced-configuration.html#openstack-service-configuration-in-kolla';
  const project = view.catalog.file.startsWith('glance')
    ? 'glance'
    : /\.ini$/.test(view.catalog.file)
      ? 'neutron'
      : view.catalog.file.replace(/\.conf$/, '');
  return `https://docs.openstack.org/${project}/${view.catalog.release}/configuration/`;
}

function typeText(o: OptionInfo): string {
  if (o.type === 'list') return `list of ${o.item_type ?? 'string'}${o.item_choices ? ` (${o.item_choices.join(', ')})` : ''}`;
  if (o.type === 'dict') return `dict of ${o.value_type ?? 'string'}`;
  if (o.type === 'ip' && o.ip_version) return `IPv${o.ip_version} address`;
  if (o.type === 'uri' && o.schemes) return `URI (${o.schemes.join(', ')})`;
  return o.type;
}

export function optionMarkdown(view: ConfView, section: string, key: string, o: OptionInfo): string {
  const lines: string[] = [`**[${section}] ${key}**: ${typeText(o)}${o.secret ? ', secret' : ''}`];
  const def = catalogueValue(o.sample_default ?? o.default);
  lines.push(`Default: ${def === undefined || def === '' ? 'unset' : `\`${shown(def, o, key)}\``}`);
  if (o.choices?.length) lines.push(`Values: ${o.choices.map((c) => `\`${c === null ? '' : c}\``).join(', ')}`);
  if (o.min !== undefined || o.max !== undefined) lines.push(`Range: ${o.min ?? ''}..${o.max ?? ''}`);
  if (o.deprecated_names?.length) lines.push(`Old names: ${o.deprecated_names.map(([g, n]) => `[${g}] ${n}`).join(', ')}`);
  if (o.deprecated_for_removal) lines.push(`Deprecated for removal${o.deprecated_since ? ` since ${o.deprecated_since}` : ''}.`);
  lines.push(
    `From ${o.ns ?? 'the service'} in ${view.catalog.file}, OpenStack ${view.catalog.release}. [Configuration reference](${referenceUrl(view)})`,
  );
  const topic = ADVICE[key];
  if (topic) lines.push(topicMarkdown(topic));
  return lines.join('\n\n');
}

const within = (s: Span, offset: number) => s.start <= offset && offset <= s.end;

export function confHover(view: ConfView, findings: Finding[], offset: number, docLink: DocLink): HoverResult | undefined {
  const parts: string[] = [];
  let span: Span | undefined;
  const section = view.file.sections.find((s) => within(s.headerSpan, offset));
  if (section) {
    const known = view.knownSection(section.name);
    parts.push(
      `**[${section.name}]**: ${known ? `${view.keys(section.name).length} options in ${view.catalog.file} (${view.catalog.release})` : `not a section of ${view.catalog.file} (${view.catalog.release})`}. [Configuration reference](${referenceUrl(view)})`,
    );
    span = section.headerSpan;
  }
  const entry = view.file.entries.find((e) => within(e.span, offset));
  if (entry?.section) {
    const o = view.option(entry.section.name, entry.key);
    if (o) parts.push(optionMarkdown(view, entry.section.name, entry.key, o));
    span = within(entry.keySpan, offset) ? entry.keySpan : entry.valueSpan;
  }
  const f = findingsMarkdown(findings, offset, docLink);
  if (f) parts.push(f);
  return parts.length && span ? { markdown: parts.join('\n\n---\n\n'), span } : undefined;
}

function sectionAt(view: ConfView, offset: number): ConfSection | undefined {
  let cur: ConfSection | undefined;
  for (const s of view.file.sections) if (s.headerSpan.start <= offset) cur = s;
  return cur;
}

/**
 * A default of the catalogue as the file would spell it. The catalogue holds what oslo-config-generator
 * wrote: strings mostly, but also numbers (cinder's sample_default 8) and lists of dicts (neutron's
 * [{tftp: udp}, ...]), which reached the masking code as they were and threw on every completion.
 */
function catalogueValue(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return v.map((x) => catalogueValue(x) ?? '').join(',');
  if (typeof v === 'object')
    return Object.entries(v)
      .map(([k, x]) => `${k}:${catalogueValue(x) ?? ''}`)
      .join(',');
  return String(v);
}

function defaultText(o: OptionInfo): string {
  if (o.secret) return '';
  return catalogueValue(o.sample_default ?? o.default) ?? '';
}

export function confComplete(view: ConfView, text: string, offset: number): CompletionResult | undefined {
  const lineStart = typedLineStart(text, offset);
  const prefix = text.slice(lineStart, offset);
  const items: CompletionItem[] = [];
  const sec = /^\[([^\]]*)$/.exec(prefix);
  if (sec) {
    for (const name of view.catalog.sectionNames())
      items.push({ label: name, kind: 'property', insertText: `${name}]`, detail: `${view.keys(name).length} options` });
    return { items, replaceStart: lineStart + 1, replaceEnd: offset + (text[offset] === ']' ? 1 : 0) };
  }
  const section = sectionAt(view, offset);
  if (!section) return { items, replaceStart: offset, replaceEnd: offset };
  const val = keyAndValue(prefix);
  if (val) {
    const o = view.option(section.name, val[1]);
    const values = o?.type === 'bool' ? ['true', 'false'] : (o?.choices ?? []).filter((c) => c !== null).map(String);
    for (const v of values) items.push({ label: v, kind: 'enum', insertText: v, preselect: defaultText(o!) === v });
    return { items, replaceStart: offset - val[2].length, replaceEnd: offset };
  }
  if (/^[A-Za-z0-9_.-]*$/.test(prefix)) {
    const set = new Set(section.entries.map((e) => e.key));
    for (const key of view.keys(section.name)) {
      if (set.has(key)) continue;
      const o = view.option(section.name, key)!;
      if (o.cli_only) continue;
      items.push({
        label: key,
        kind: 'property',
        detail: typeText(o),
        documentation: optionMarkdown(view, section.name, key, o),
        insertText: `${key} = ${defaultText(o)}`,
        sortText: o.deprecated_for_removal ? `1${key}` : `0${key}`,
      });
    }
    return { items, replaceStart: lineStart, replaceEnd: offset + (/^[A-Za-z0-9_.-]*/.exec(text.slice(offset))?.[0].length ?? 0) };
  }
  return undefined;
}

export function confSymbols(view: ConfView): SymbolNode[] {
  return view.file.sections.map((s) => ({
    name: `[${s.name}]`,
    detail: `${s.entries.length}`,
    kind: 'section' as const,
    span: { start: s.headerSpan.start, end: s.end },
    selection: s.headerSpan,
    children: s.entries.map((e: ConfEntry) => ({
      name: e.key,
      detail: shown(e.value, view.option(s.name, e.key), e.key),
      kind: 'option' as const,
      span: e.span,
      selection: e.keySpan,
      children: [],
    })),
  }));
}

/**
 * `key = value` (or `key: value`) typed so far: the key, and the value's last word when the cursor
 * ends it. By hand: a lazy key before `\s*[=:]` is quadratic on a long line of spaces.
 */
function keyAndValue(prefix: string): [string, string, string] | undefined {
  const sep = prefix.search(/[=:]/);
  if (sep <= 0 || /[\s=:#;[]/.test(prefix[0])) return undefined;
  const value = /^\s*(\S*)$/.exec(prefix.slice(sep + 1));
  return value ? [prefix, prefix.slice(0, sep).trim(), value[1]] : undefined;
}
