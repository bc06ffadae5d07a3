/** Facts several .conf rules share: does the service talk to RabbitMQ, to a database, which hosts. */
import { ConfView, truthy } from '../../documents/oslo-conf/context';
import { ConfEntry } from '../../documents/oslo-conf/parse';
import { Fix, Span } from '../../types';
import { trailingComment } from '../../documents/oslo-conf/values';

export const RABBIT = 'oslo_messaging_rabbit';

/** The broker URL(s): [DEFAULT] transport_url, or the legacy rabbit_host(s). */
export function rabbitUse(view: ConfView): { entry: ConfEntry; hosts: string[] } | undefined {
  const t = view.entry('DEFAULT', 'transport_url');
  if (t && /^(rabbit|kombu|amqp)s?:\/\//.test(t.value.trim())) return { entry: t, hosts: transportHosts(t.value) };
  for (const [section, key] of [
    [RABBIT, 'rabbit_hosts'],
    ['DEFAULT', 'rabbit_hosts'],
    [RABBIT, 'rabbit_host'],
    ['DEFAULT', 'rabbit_host'],
  ]) {
    const e = view.entry(section, key);
    if (e)
      return {
        entry: e,
        hosts: e.value
          .split(',')
          .map((h) => h.trim().replace(/:\d+$/, ''))
          .filter(Boolean),
      };
  }
  return undefined;
}

/** `rabbit://u:p@h1:5672,u:p@h2:5672/vhost` -> [h1, h2] */
export function transportHosts(url: string): string[] {
  const m = /^[a-z+]+:\/\/([^/?]*)/.exec(url.trim());
  if (!m) return [];
  return m[1]
    .split(',')
    .map((part) => part.replace(/^.*@/, ''))
    .map((hp) => (hp.startsWith('[') ? hp.replace(/^\[([^\]]+)\].*$/, '$1') : hp.replace(/:\d+$/, '')))
    .filter(Boolean);
}

export function usesDatabase(view: ConfView): ConfEntry | undefined {
  return view.entry('database', 'connection') ?? view.entry('DEFAULT', 'sql_connection');
}

export function flag(view: ConfView, section: string, key: string): { on: boolean; entry?: ConfEntry } {
  const e = view.effective(section, key);
  return { on: truthy(e.value), entry: e.entry };
}

/** Where to point when an option is missing: the [DEFAULT] header, else the file's first line. */
export function defaultAnchor(view: ConfView): Span {
  const d = view.sectionsNamed('DEFAULT')[0] ?? view.file.sections[0];
  return d ? d.headerSpan : { start: 0, end: 0 };
}

/** Where the host of a URL is written: `scheme://user:pass@HOST:port/...` (the first host of a list). */
export function urlHost(value: string): { host: string; start: number; end: number } | undefined {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)(?:[^@/\s]*@)?(\[[^\]]+\]|[^:/?,\s]+)/i.exec(value);
  if (!m) return undefined;
  const start = m[0].length - m[2].length;
  return { host: m[2].replace(/^\[|\]$/g, ''), start, end: m[0].length };
}

/** `h1:11211,h2:11211` or `inet:[::1]:11211` -> the hosts. */
export function hostPortList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((hp) => hp.replace(/^inet6?:/, ''))
    .map((hp) => (hp.startsWith('[') ? hp.replace(/^\[([^\]]+)\].*$/, '$1') : hp.replace(/:\d+$/, '')));
}

/**
 * Neutron with OVN: routers and DHCP are OVN's (gateway chassis, native DHCP), so the L3 and DHCP
 * agent settings do not apply. Seen in neutron.conf as the ovn-router service plugin or an [ovn] section.
 */
export function usesOvn(view: ConfView): boolean {
  const plugins = view.value('DEFAULT', 'service_plugins') ?? '';
  return (
    /(^|,)\s*(ovn-router|neutron\.services\.ovn_l3\.plugin\.OVNL3RouterPlugin)\s*(,|$)/.test(plugins) ||
    view.sectionsNamed('ovn').length > 0
  );
}

/**
 * A `# note` after a value, which oslo.config keeps in the value: where it starts in the raw value,
 * and the fix that moves it to a line of its own. The edits delete the note rather than rewrite
 * the value, so no fix carries a secret.
 */
export function trailingNote(text: string, e: ConfEntry): { cut: number; comment: string; fix: Fix } | undefined {
  if (e.value.includes('\n')) return undefined; // multi-line values: leave them alone
  const raw = text.slice(e.valueSpan.start, e.valueSpan.end);
  const cut = trailingComment(raw);
  if (cut === undefined) return undefined;
  const value = raw.slice(0, cut).trimEnd();
  const comment = raw.slice(cut).trim();
  const lineStart = text.lastIndexOf('\n', e.span.start - 1) + 1;
  return {
    cut,
    comment,
    fix: {
      title: 'Move the comment to its own line',
      safe: true,
      preferred: true,
      edits: [
        { start: lineStart, end: lineStart, newText: `${comment.startsWith(';') ? '#' + comment.slice(1) : comment}\n` },
        { start: e.valueSpan.start + value.length, end: e.valueSpan.end, newText: '' },
      ],
    },
  };
}
