import { defineRule } from './rule';
import { Fix } from '../types';
import { Manifest, ServiceDef } from '../documents/manifest/model';
import { setKey } from '../documents/manifest/edits';
import {
  balancerOf,
  balancers,
  controllers,
  nameList,
  serviceNodeNames,
  servicePort,
  serviceVipNames,
} from '../documents/manifest/queries';

export const rule = defineRule({
  meta: {
    id: 'vip-missing',
    severity: 'warning',
    fixable: true,
    topic: 'vip',
    guide: '2016:controller-ha-vip',
    title: 'A balanced service, or a multi-controller deployment, has no VIP',
    why: 'Clients, endpoints and config files must name an address that survives the loss of any one node. Without a VIP they name a controller, and lose the service when it fails.',
  },
  on: {
    manifest(ctx) {
      const m = ctx.manifest;
      if (m.vips.size === 0) {
        const ctl = controllers(m);
        if (ctl.length >= 2) {
          const at = m.sections.get('nodes')?.keySpan ?? { start: 0, end: 0 };
          ctx.report({
            span: at,
            message: `${ctl.length} controllers (${nameList(ctl.map((n) => n.name))}) and no VIP: clients must name one controller and lose the service when it fails`,
          });
        }
        return;
      }
      for (const s of m.services.values()) {
        if (serviceVipNames(s).length > 0) continue;
        const lb = balancerOf(s);
        const isBalancer = balancers(m).includes(s);
        if (!lb && !isBalancer) continue;
        const message = isBalancer
          ? `${s.name} balances services but binds no VIP: clients cannot reach it through an address that fails over`
          : `${s.name} is active-active behind ${lb} on port ${servicePort(s)} but has no VIP: clients would have to name one node and lose the service with it`;
        ctx.report({ span: s.keySpan, message, fixes: vipFixes(ctx.text, m, s) });
      }
    },
  },
});

/** One fix per VIP that can serve the service: VIPs of its own cluster first, the internal one first. */
function vipFixes(text: string, m: Manifest, s: ServiceDef): Fix[] {
  if (!s.map) return [];
  const nodes = new Set(serviceNodeNames(m, s));
  const candidates = [...m.vips.values()]
    .filter((v) => {
      if (!v.cluster) return false;
      if (s.on?.kind === 'cluster') return v.cluster.value === s.on.ref.value;
      const members = m.clusters.get(v.cluster.value)?.members?.items.map((i) => i.value) ?? [];
      return nodes.size > 0 && [...nodes].every((n) => members.includes(n));
    })
    .sort((a, b) => Number(b.name === 'internal') - Number(a.name === 'internal'));
  const key = balancers(m).includes(s) ? 'vips' : 'vip';
  return candidates.map((v, i) => ({
    title: `Add ${key}: ${key === 'vips' ? `[${v.name}]` : v.name}`,
    safe: candidates.length === 1,
    preferred: i === 0,
    edits: [setKey(text, s.map!, key, key === 'vips' ? `[${v.name}]` : v.name)],
  }));
}
