import { defineRule } from './rule';
import { instances, name, value, vips } from './keepalived/support';
import { describeHost, hostKey as norm, peerRelated, vipRelated } from '../model/topology';

export const rule = defineRule({
  meta: {
    id: 'keepalived-vip-drift',
    severity: 'warning',
    fixable: false,
    tools: { 'keepalived -t': 'accepts' },
    guide: 'control-plane-stateless',
    topic: 'keepalived',
    title: "keepalived moves an address the manifest does not have as a VIP, or the load balancers' files disagree on a VRRP group's VIPs",
    why: "Clients reach the cloud through the VIPs the deployment names; a virtual_ipaddress that is not one of them (a typo, an old address, the wrong cloud's) is an address nobody uses while the real VIP has no owner. The load balancers of one VRRP group must carry the same VIPs: when the group fails over, an address that only the old master listed is lost with it.",
  },
  on: {
    keepalived(ctx) {
      const t = ctx.topology;
      const known = new Set((t?.vips ?? []).map((v) => norm(v.address)));
      for (const i of instances(ctx.file)) {
        const here = vips(i);
        if (t && known.size) {
          for (const v of here) {
            if (known.has(norm(v.address))) continue;
            ctx.report({
              span: v.span,
              message: `${v.address} of vrrp_instance ${name(i)} is not a VIP of ${t.source} (${t.vips.map((x) => `${x.name} ${x.address}`).join(', ')})`,
              related: t.vips.flatMap((x) => vipRelated(t, x.address, `VIP ${x.name} in ${t.source}`)),
            });
          }
        }
        // the same VRRP group on another load balancer: the same VIPs, or a failover drops some
        const vrid = value(i, 'virtual_router_id')?.text;
        if (!vrid || !here.length) continue;
        const mine = [...new Set(here.map((v) => norm(v.address)))].sort();
        for (const peer of ctx.peers) {
          if (peer.kind !== 'keepalived' || peer.sameNode) continue;
          for (const other of peer.vrrp ?? []) {
            if (other.vrid !== vrid || !other.vips.length) continue;
            const theirs = [...new Set(other.vips.map(norm))].sort();
            const shared = mine.filter((a) => theirs.includes(a));
            if (!shared.length || (shared.length === mine.length && shared.length === theirs.length)) continue; // no overlap: another rule says one VRID, two groups
            const onlyHere = mine.filter((a) => !theirs.includes(a)),
              onlyThere = theirs.filter((a) => !mine.includes(a));
            const said = [
              onlyHere.length ? `${onlyHere.join(', ')} only here` : '',
              onlyThere.length ? `${onlyThere.join(', ')} only in ${peer.file}` : '',
            ]
              .filter(Boolean)
              .join('; ');
            ctx.report({
              span: i.header[1]?.span ?? i.header[0].span,
              message: `vrrp_instance ${name(i)} (virtual_router_id ${vrid}) holds other VIPs than vrrp_instance ${other.name} of ${peer.file}: ${said}; a failover between them drops the difference`,
              related: peerRelated(peer, other.span, `vrrp_instance ${other.name} of ${peer.file}`),
            });
          }
        }
      }
      // a VIP the manifest has keepalived move, that no keepalived.conf of the deployment holds
      if (!t) return;
      const everywhere = new Set<string>();
      for (const i of instances(ctx.file)) for (const v of vips(i)) everywhere.add(norm(v.address));
      for (const p of ctx.peers) if (p.kind === 'keepalived') for (const r of p.vrrp ?? []) for (const a of r.vips) everywhere.add(norm(a));
      const first = instances(ctx.file)[0];
      if (!first) return;
      for (const v of t.vips) {
        const c = t.vipCluster(v.address);
        if (c?.manager !== 'keepalived' || everywhere.has(norm(v.address))) continue;
        const members = t.clusters.find((x) => x.name === c.cluster)?.members ?? [];
        ctx.report({
          span: first.header[1]?.span ?? first.header[0].span,
          message: `VIP ${v.name} (${v.address}) is moved by keepalived cluster '${c.cluster}' in ${t.source}${members.length ? ` (${members.map(describeHost).join(', ')})` : ''}, but no vrrp_instance of the deployment's keepalived.conf files holds it`,
          related: vipRelated(t, v.address, `VIP ${v.name} in ${t.source}`),
        });
      }
    },
  },
});
