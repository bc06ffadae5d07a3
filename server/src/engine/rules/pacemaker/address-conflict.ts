/** address-conflict in a Pacemaker configuration: two IPaddr2 VIPs with one address (the manifest rule's id). */
import { PmRule } from './rule';
import { isVip } from '../../documents/pacemaker/model';
import { canonicalIP } from '../../text/ip';
import { rule as addressConflict } from '../address-conflict';

export const rule: PmRule = {
  meta: addressConflict.meta,
  check(ctx) {
    const seen = new Map<string, string>();
    for (const r of ctx.model.resources) {
      const ip = isVip(r) ? r.params.get('ip') : undefined;
      // a shell variable ($VIP) is not an address yet
      if (!ip || !/^[\d.:a-fA-F]+$/.test(ip.value)) continue;
      const key = canonicalIP(ip.value);
      const first = seen.get(key);
      if (first) ctx.report({ span: ip.span, message: `${ip.value} of VIP resource '${r.id}' is already the address of VIP resource '${first}': the two answer ARP for one address wherever Pacemaker places them` });
      else seen.set(key, r.id);
    }
  },
};
