import { Rule } from './rule';
import { canonicalIP } from '../text/ip';
import { Located } from '../documents/manifest/yaml-ast';

export const rule: Rule = {
  meta: {
    id: 'address-conflict', severity: 'error', fixable: false, tools: { 'crm_verify': 'accepts', 'crmsh': 'accepts' },
    title: 'Two nodes, a node and a VIP, or two VIPs share an address',
    why: 'Two holders of one address answer ARP in turn: traffic lands on whichever answered last, and a VIP that equals a node address never really moves. Checked in the manifest, and between the IPaddr2 VIPs of a Pacemaker configuration (CIB, crm or pcs), where two resources with one address may run on different nodes at once.',
  },
  check(ctx) {
    const m = ctx.manifest;
    const seen = new Map<string, string>();
    const owners: { label: string; address: Located<string> }[] = [
      ...[...m.nodes.values()].flatMap((n) => (n.address ? [{ label: `node '${n.name}'`, address: n.address }] : [])),
      ...[...m.vips.values()].flatMap((v) => (v.address ? [{ label: `VIP '${v.name}'`, address: v.address }] : [])),
    ];
    for (const o of owners) {
      const key = canonicalIP(o.address.value);
      const first = seen.get(key);
      if (first) ctx.report({ span: o.address.span, message: `${o.address.value} of ${o.label} is already the address of ${first}` });
      else seen.set(key, o.label);
    }
  },
};
