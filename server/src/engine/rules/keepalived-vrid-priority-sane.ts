import { peerRelated } from '../model/topology';
import { defineRule } from './rule';
import { KaRuleContext } from './keepalived/rule';
import { instances, name, value, vips } from './keepalived/support';

export const rule = defineRule({
  meta: {
    id: 'keepalived-vrid-priority-sane',
    severity: 'warning',
    fixable: false,
    tools: { 'keepalived -t': 'refuses' },
    topic: 'keepalived',
    title: 'A virtual_router_id or priority out of range, a VRID used twice, or VRIDs and priorities that disagree across the nodes',
    why: 'The VRID names a VRRP group on its network segment: two instances with one VRID on one interface are the same group to VRRP, which keepalived refuses. VRIDs and priorities run from 1 to 255. Across the nodes, the instances that share a VIP must share its VRID (else each node is alone in its group and all of them hold the VIP), and should differ in priority (else the election falls to the highest address).',
  },
  on: {
    keepalived(ctx) {
      const seen = new Map<string, string>();
      for (const i of instances(ctx.file)) {
        const vrid = value(i, 'virtual_router_id');
        const prio = value(i, 'priority');
        for (const [w, what] of [
          [vrid, 'virtual_router_id'],
          [prio, 'priority'],
        ] as const) {
          if (w && !(/^\d+$/.test(w.text) && Number(w.text) >= 1 && Number(w.text) <= 255))
            ctx.report({ span: w.span, severity: 'error', message: `${what} ${w.text} of vrrp_instance ${name(i)} is outside 1-255` });
        }
        if (!vrid) {
          ctx.report({ span: i.header[0].span, severity: 'error', message: `vrrp_instance ${name(i)} has no virtual_router_id` });
          continue;
        }
        const key = `${value(i, 'interface')?.text ?? ''}/${vrid.text}`;
        if (seen.has(key))
          ctx.report({
            span: vrid.span,
            severity: 'error',
            message: `vrrp_instance ${name(i)} uses virtual_router_id ${vrid.text} on ${value(i, 'interface')?.text ?? 'its interface'}, like ${seen.get(key)}: one VRRP group, two instances`,
          });
        else seen.set(key, name(i));
        crossNode(ctx, i, vrid);
      }
    },
  },
});

/** The same VRRP instance on the other nodes: same VIPs, so the same VRID and a different priority. */
function crossNode(
  ctx: KaRuleContext,
  i: ReturnType<typeof instances>[number],
  vrid: { text: string; span: { start: number; end: number } },
): void {
  const mine = vips(i)
    .map((v) => v.address)
    .sort();
  if (!mine.length) return;
  const prio = value(i, 'priority');
  for (const peer of ctx.peers) {
    for (const other of peer.vrrp ?? []) {
      const shared = other.vips.filter((a) => mine.includes(a));
      if (!shared.length) {
        if (other.vrid === vrid.text && other.vips.length)
          ctx.report({
            span: vrid.span,
            message: `virtual_router_id ${vrid.text} is also used by vrrp_instance ${other.name} in ${peer.file} for other VIPs (${other.vips.join(', ')}): on one network segment they form one VRRP group`,
            related: peerRelated(peer, other.span, `vrrp_instance ${other.name} of ${peer.file}`),
          });
        continue;
      }
      if (other.vrid !== undefined && other.vrid !== vrid.text) {
        ctx.report({
          span: vrid.span,
          severity: 'error',
          message: `VIP ${shared[0]} is in virtual_router_id ${vrid.text} here but ${other.vrid} in ${peer.file} (vrrp_instance ${other.name}): the nodes are in different VRRP groups, and each holds the VIP`,
          related: peerRelated(peer, other.span, `vrrp_instance ${other.name} of ${peer.file}`),
        });
      } else if (prio && other.priority === prio.text) {
        ctx.report({
          span: prio.span,
          message: `priority ${prio.text} is the same as vrrp_instance ${other.name}'s in ${peer.file} for VIP ${shared[0]}: the election then falls to the highest interface address; give each node its own priority`,
          related: peerRelated(peer, other.span, `vrrp_instance ${other.name} of ${peer.file}`),
        });
      }
    }
  }
}
