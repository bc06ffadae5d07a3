import { defineRule } from './rule';
import { hostPortList } from './conf/support';
import { describeHost, isVip, sameHost, hostsRelated, serviceRelated, vipRelated } from '../model/topology';

const SETTINGS: [string, string][] = [
  ['keystone_authtoken', 'memcached_servers'],
  ['cache', 'memcache_servers'],
];

export const rule = defineRule({
  meta: {
    id: 'memcached-servers-all-controllers',
    severity: 'warning',
    fixable: true,
    tools: { 'oslo-config-validator': 'accepts' },
    guide: 'intro-os-ha-memcached',
    topic: 'memcached-client-hashing',
    title: 'memcached_servers leaves out memcached hosts, or names a VIP',
    why: 'memcached does not replicate: clients hash keys across every server they list and skip dead ones. A server left out of the list is never used; a VIP in it sends every key to one node at a time.',
  },
  on: {
    'oslo-conf'(ctx) {
      const t = ctx.topology;
      if (!t) return;
      const all = t.hostsOf('memcached') ?? t.controllers;
      if (!all.length) return;
      for (const [section, key] of SETTINGS) {
        const e = ctx.view.entry(section, key);
        if (!e || !ctx.view.option(section, key)) continue;
        const listed = hostPortList(e.value);
        const vip = listed.map((h) => isVip(t, h)).find(Boolean);
        const missing = all.filter((h) => !listed.some((l) => sameHost(l, h)));
        if (!vip && !missing.length) continue;
        const port = /:(\d+)\s*(,|$)/.exec(e.value)?.[1] ?? '11211';
        const full = all.map((h) => `${h.address ?? h.name}:${port}`).join(',');
        ctx.report({
          span: e.valueSpan,
          message: vip
            ? `[${section}] ${key} names VIP '${vip}': memcached clients must list every server (${t.source} has ${all.length}) and hash keys across them`
            : `[${section}] ${key} lists ${all.length - missing.length} of the ${all.length} memcached hosts of ${t.source}; missing: ${missing.map(describeHost).join(', ')}`,
          related: vip
            ? vipRelated(t, vip, `VIP ${vip} in ${t.source}`)
            : [
                ...serviceRelated(t, 'memcached', `${t.source} places memcached here`),
                ...hostsRelated(t, missing, (h) => `${h.name ?? h.address} runs memcached`),
              ],
          fixes: [
            {
              title: `List all ${all.length} memcached servers`,
              safe: true,
              preferred: true,
              edits: [{ start: e.valueSpan.start, end: e.valueSpan.end, newText: full }],
            },
          ],
        });
      }
    },
  },
});
