import { defineRule } from './rule';
import { canonicalIP, cidrContains, ipBits, isCidr, isIP } from '../text/ip';
import { hostsOnce, vipSetting } from './openstack-ansible/support';
import type { OsaDeployment } from '../documents/osa/deployment';

/** Is the address within one of used_ips' entries (an address, or a "first,last" range)? */
function reserved(d: OsaDeployment, address: string): boolean {
  const a = ipBits(address);
  if (!a) return false;
  return d.config.usedIps.some((u) => {
    const from = ipBits(u.from),
      to = ipBits(u.to);
    return !!from && !!to && from.length === a.length && to.length === a.length && from <= a && a <= to;
  });
}

export const rule = defineRule({
  meta: {
    id: 'osa-vip-network',
    severity: 'warning',
    fixable: false,
    topic: 'vip',
    title: 'An OpenStack-Ansible VIP is outside every cidr_networks network, or inside one and not reserved in used_ips',
    why: "OpenStack-Ansible's inventory generator gives the containers addresses from the cidr_networks networks, skipping only what used_ips lists: a VIP inside a network and not reserved there may be handed to a container, and then two holders answer for it. The internal VIP is where every service reaches HAProxy over the management network; outside every network OSA knows, it is reached through a router, if at all.",
  },
  on: {
    'openstack-ansible'(ctx) {
      const d = ctx.deployment;
      const nets = [...d.config.cidrNetworks.values()].filter((n) => isCidr(n.cidr.trim()));
      if (!nets.length) return;
      const hostIps = new Set(hostsOnce(d).flatMap((h) => (h.ip && isIP(h.ip) ? [canonicalIP(h.ip)] : [])));
      for (const side of ['internal', 'external'] as const) {
        const vip = vipSetting(d, side);
        if (!vip || !isIP(vip.value)) continue;
        const s = vip.setting;
        const inside = nets.find((n) => cidrContains(n.cidr.trim(), vip.value));
        if (!inside) {
          // the external VIP is usually on a public network OSA hands no address from
          if (side === 'internal')
            ctx.report({
              file: s.file,
              span: s.valueSpan,
              message: `${vip.name} ${vip.value} is in none of cidr_networks (${nets.map((n) => `${n.name} ${n.cidr.trim()}`).join(', ')}): the services reach the internal VIP over the management network, so it belongs in it (and in used_ips)`,
            });
          continue;
        }
        // a VIP that is a host's address is another fact (the one load balancer's own address, or an address conflict)
        if (hostIps.has(canonicalIP(vip.value)) || reserved(d, vip.value)) continue;
        ctx.report({
          file: s.file,
          span: s.valueSpan,
          message: `${vip.name} ${vip.value} is inside cidr_networks.${inside.name} (${inside.cidr.trim()}) but not reserved in used_ips: OSA's inventory generator may give it to a container, and then two holders answer for the VIP`,
          related: [{ file: inside.file, span: inside.span, message: `cidr_networks.${inside.name}` }],
        });
      }
    },
  },
});
