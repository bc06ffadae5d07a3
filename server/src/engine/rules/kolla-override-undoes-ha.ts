import { defineRule } from './rule';
import { HA_WITH_QUORUM_COST, QUORUM_OPTIONS, quorumUndone } from './support/quorum-overrides';
import { hostPortList, RABBIT, transportHosts, urlHost } from './conf/support';
import { JINJA, kollaOverrideOf } from '../documents/kolla/overrides';
import { ConfEntry } from '../documents/oslo-conf/parse';
import { KOLLA_GLOBAL } from '../knowledge/options/catalog';
import { lineStartAt, nextLineStart } from '../text/line-breaks';

/** What kolla-ansible (2025.1 and later) writes true in [oslo_messaging_rabbit] of every service. */
const WRITTEN = QUORUM_OPTIONS.map((o) => o.key);

/** The host lists kolla writes from an inventory group. */
const LISTS: { section: string; key: string; group: string; cost: string }[] = [
  {
    section: 'DEFAULT',
    key: 'transport_url',
    group: 'rabbitmq',
    cost: 'when those brokers are down the service has no other to reconnect to',
  },
  {
    section: 'oslo_messaging_notifications',
    key: 'transport_url',
    group: 'rabbitmq',
    cost: 'when those brokers are down the notifications have no other to go to',
  },
  {
    section: 'keystone_authtoken',
    key: 'memcached_servers',
    group: 'memcached',
    cost: 'its token cache lives on those alone: when they are down every request is validated by keystone again',
  },
  {
    section: 'cache',
    key: 'memcache_servers',
    group: 'memcached',
    cost: 'its cache lives on those alone: when they are down every look-up goes back to what the cache spares',
  },
];

export const rule = defineRule({
  meta: {
    id: 'kolla-override-undoes-ha',
    severity: 'error',
    fixable: true,
    tools: { 'oslo-config-validator': 'accepts' },
    topic: 'rabbitmq-mirrored-vs-quorum-queues',
    title: 'A kolla-ansible service override undoes what kolla sets for HA',
    why: 'kolla-ansible merges the files of its config folder over the configs it renders, option by option: an override wins. Since 2025.1 kolla writes quorum queues, transient quorum queues and the queue manager into every service and points [database] connection at database_address; an override that turns them off or names one database node quietly takes that HA away from the service.',
  },
  on: {
    'oslo-conf'(ctx) {
      const { view, text } = ctx;
      const kolla = kollaOverrideOf(ctx.path, ctx.peers);
      if (!kolla) return;
      const d = kolla.deployment;
      // global.conf: kolla merges it into the config of every service it deploys
      const global = view.catalog.file === KOLLA_GLOBAL;
      const override = global ? 'global.conf, which kolla-ansible merges into every service it deploys,' : 'this override';
      // before 2025.1 kolla let the operator switch these (om_enable_rabbitmq_quorum_queues ...): nothing was forced
      const release = d?.setting('openstack_release')?.raw;
      const year = typeof release === 'string' || typeof release === 'number' ? /^(\d{4})\./.exec(String(release)) : null;
      const forced = !year || Number(year[1]) >= 2025;
      const drop = (e: ConfEntry) => [
        {
          title: `Remove ${e.key}: kolla's value applies`,
          // not safe: the queues the running service declared must be migrated to the kind kolla's value makes
          safe: false,
          preferred: true,
          edits: [{ start: lineStartAt(text, e.span.start), end: nextLineStart(text, e.valueSpan.end), newText: '' }],
        },
      ];
      if (forced)
        for (const { key, undone } of quorumUndone((k) => view.entry(RABBIT, k)?.value, WRITTEN)) {
          const e = view.entry(RABBIT, key)!;
          ctx.report({
            span: e.valueSpan,
            severity: undone.kind === 'off' ? undone.option.severity : undone.severity,
            message:
              undone.kind === 'off'
                ? `kolla-ansible writes ${key} = true for every service and ${override} turns it off: ${undone.option.cost('kolla')}`
                : undone.kind === 'ha-without-quorum'
                  ? `rabbit_ha_queues asks for classic mirrored queues${global ? ' in every service kolla-ansible deploys (global.conf)' : ''}, which RabbitMQ 4 (the broker kolla-ansible deploys) no longer has: the queues stay on one broker`
                  : `kolla-ansible writes rabbit_quorum_queue = true for every service and ${override} adds rabbit_ha_queues = true: ${HA_WITH_QUORUM_COST}; mirrored queues are gone from RabbitMQ 4 anyway`,
            fixes: drop(e),
          });
        }
      // kolla lists every host of the group: an override with fewer leaves the service fewer to fail over to
      if (d)
        for (const l of LISTS) {
          const e = view.entry(l.section, l.key);
          const members = d.hosts(l.group).map((h) => h.name);
          if (!e || members.length < 2 || JINJA.test(e.value)) continue;
          const named = l.group === 'rabbitmq' ? transportHosts(e.value) : hostPortList(e.value);
          if (!named.length || named.length >= members.length) continue;
          ctx.report({
            span: e.valueSpan,
            severity: 'warning',
            message: `kolla-ansible lists every host of its ${l.group} group in [${l.section}] ${l.key} (${members.join(', ')}) and ${override} names ${named.length} (${named.join(', ')}): ${l.cost}`,
          });
        }
      // [database] connection: kolla points it at database_address (the internal VIP or its name, through HAProxy or ProxySQL)
      const db = view.entry('database', 'connection');
      const address = d?.value('database_address');
      if (db && address?.known && typeof address.value === 'string' && address.value && !JINJA.test(db.value)) {
        const at = urlHost(db.value.trim());
        const ours = new Set([address.value, known(d!.value('kolla_internal_vip_address')), known(d!.value('kolla_internal_fqdn'))]);
        if (at && !ours.has(at.host)) {
          const lead = db.value.length - db.value.trimStart().length;
          ctx.report({
            span: { start: db.valueSpan.start + lead + at.start, end: db.valueSpan.start + lead + at.end },
            severity: 'warning',
            message: `kolla-ansible points [database] connection at database_address (${address.value}, the internal VIP in front of the Galera cluster) and ${override} names ${at.host}: ${global ? 'every service' : 'the service'} loses its database when that node does`,
          });
        }
      }
    },
  },
});

function known(v: { known: true; value: unknown } | { known: false }): string | undefined {
  return v.known && typeof v.value === 'string' ? v.value : undefined;
}
