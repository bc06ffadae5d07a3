import { defineRule } from './rule';
import { urlHost } from './conf/support';
import { describeHost, isVip, sameHost, vipRelated, hostsRelated } from '../model/topology';

/** Options that name another service's API: they must use its VIP. */
const REFERENCE = /^(www_authenticate_uri|auth_uri|auth_url|api_servers|endpoint_override|registry_host)$/;

export const rule = defineRule({
  meta: {
    id: 'consumer-refs-via-vip',
    severity: 'error',
    fixable: true,
    tools: { 'oslo-config-validator': 'accepts' },
    guide: 'storage-ha-image',
    topic: 'vip',
    title: "A reference to another service's API names one controller instead of its VIP",
    why: "Every consumer of an HA API must address the VIP, so that a failover behind it is invisible. A URL with one controller's address breaks when that controller does, even though the API is still up on the others.",
  },
  on: {
    'oslo-conf'(ctx) {
      const t = ctx.topology;
      if (!t || !t.vips.length) return;
      for (const s of ctx.view.file.sections)
        for (const e of s.entries) {
          if (!REFERENCE.test(e.key) || !ctx.view.option(s.name, e.key)) continue;
          const first = e.value.split(',')[0].trim();
          const host = urlHost(first)?.host ?? (e.key === 'registry_host' ? first : undefined);
          if (!host || isVip(t, host)) continue;
          const node = t.controllers.find((n) => sameHost(host, n));
          if (!node) continue;
          const vip = t.vipOf('keystone');
          const raw = ctx.text.slice(e.valueSpan.start, e.valueSpan.end);
          const at = raw.indexOf(host);
          ctx.report({
            span: at >= 0 ? { start: e.valueSpan.start + at, end: e.valueSpan.start + at + host.length } : e.valueSpan,
            message: `[${s.name}] ${e.key} names controller ${describeHost(node)}, not a VIP${vip ? ` (${vip}, from ${t.source})` : ''}: the reference breaks when that controller does`,
            related: [
              ...hostsRelated(t, [node], () => `controller ${node.name ?? node.address} in ${t.source}`),
              ...(vip ? vipRelated(t, vip, `VIP in ${t.source}`) : []),
            ],
            fixes:
              vip && at >= 0 && !e.value.includes(',')
                ? [
                    {
                      title: `Use the VIP ${vip}`,
                      safe: true,
                      preferred: true,
                      edits: [{ start: e.valueSpan.start + at, end: e.valueSpan.start + at + host.length, newText: vip }],
                    },
                  ]
                : [],
          });
        }
    },
  },
});
