import { defineRule } from './rule';
import { canonicalIP } from '../text/ip';
import { NodeDef } from '../documents/manifest/model';
import { isVip } from '../documents/pacemaker/model';

export const rule = defineRule({
  meta: {
    id: 'address-conflict',
    severity: 'error',
    fixable: false,
    tools: { crm_verify: 'accepts', crmsh: 'accepts' },
    title: 'Two nodes, a node and a VIP, or two VIPs share an address',
    why: 'Two holders of one address answer ARP in turn: traffic lands on whichever answered last, and a VIP that equals a node address never really moves. Checked in the manifest, and between the IPaddr2 VIPs of a Pacemaker configuration (CIB, crm or pcs), where two resources with one address may run on different nodes at once.',
  },
  on: {
    manifest(ctx) {
      const m = ctx.manifest;
      // the first holder of each address (a node, or a VIP by its name); named in a message only when a second turns up
      const seen = new Map<string, NodeDef | string>();
      const holder = (h: NodeDef | string) => (typeof h === 'string' ? `VIP '${h}'` : `node '${h.name}'`);
      for (const n of m.nodes.values()) {
        // a node's canonical address is worked out with the node (and kept while the node is unchanged)
        if (!n.address || !n.addressKey) continue;
        const first = seen.get(n.addressKey);
        if (first)
          ctx.report({
            span: n.address.span,
            message: `${n.address.value} of node '${n.name}' is already the address of ${holder(first)}`,
          });
        else seen.set(n.addressKey, n);
      }
      for (const v of m.vips.values()) {
        if (!v.address) continue;
        const key = canonicalIP(v.address.value);
        const first = seen.get(key);
        if (first)
          ctx.report({ span: v.address.span, message: `${v.address.value} of VIP '${v.name}' is already the address of ${holder(first)}` });
        else seen.set(key, v.name);
      }
    },
    // two IPaddr2 VIPs with one address in a Pacemaker configuration (CIB, crm or pcs)
    pacemaker(ctx) {
      const seen = new Map<string, string>();
      for (const r of ctx.model.resources) {
        const ip = isVip(r) ? r.params.get('ip') : undefined;
        // a shell variable ($VIP) is not an address yet
        if (!ip || !/^[\d.:a-fA-F]+$/.test(ip.value)) continue;
        const key = canonicalIP(ip.value);
        const first = seen.get(key);
        if (first)
          ctx.report({
            span: ip.span,
            message: `${ip.value} of VIP resource '${r.id}' is already the address of VIP resource '${first}': the two answer ARP for one address wherever Pacemaker places them`,
          });
        else seen.set(key, r.id);
      }
    },
  },
});
