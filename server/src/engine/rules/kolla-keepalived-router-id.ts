import { defineRule } from './rule';
import { lineEndAt } from '../text/line-breaks';

/** kolla's default VRID: every deployment that leaves it unset uses it. */
const KOLLA_VRID = 51;

export const rule = defineRule({
  meta: {
    id: 'kolla-keepalived-router-id',
    severity: 'warning',
    fixable: true,
    topic: 'keepalived',
    title: "kolla's keepalived_virtual_router_id is left at 51, or is outside 1-255",
    why: "The VRID names a VRRP group on its network segment. kolla gives every deployment 51 unless told otherwise, so two kolla clouds (or any keepalived pair using 51) on one segment join one VRRP group and take each other's VIPs. Outside 1-255, keepalived refuses the instance kolla renders and no VIP comes up.",
  },
  on: {
    kolla(ctx) {
      const d = ctx.deployment;
      if (d.flag('enable_haproxy') === false || d.flag('enable_keepalived') === false) return;
      const set = d.setting('keepalived_virtual_router_id');
      if (set) {
        const v = d.value('keepalived_virtual_router_id');
        if (!v.known) return;
        const text = String(v.value).trim();
        const n = /^\d+$/.test(text) ? Number(text) : NaN;
        if (!(n >= 1 && n <= 255))
          ctx.report({
            file: set.file,
            span: set.valueSpan,
            severity: 'error',
            message: `keepalived_virtual_router_id ${text} is outside 1-255: keepalived refuses the vrrp_instance kolla renders, and the VIPs never come up`,
          });
        else if (n === KOLLA_VRID)
          ctx.report({
            file: set.file,
            span: set.valueSpan,
            message: `keepalived_virtual_router_id is ${KOLLA_VRID}, kolla's default: another kolla cloud or keepalived pair on this segment that kept it joins the same VRRP group and takes over these VIPs; pick an id no neighbour uses`,
          });
        return;
      }
      // not set: kolla's 51; said on the VIP it serves
      const vip = d.setting('kolla_internal_vip_address');
      if (!vip) return;
      const g = d.globals.find((x) => x.file === vip.file);
      const text = g?.text;
      const fixes =
        text !== undefined
          ? [
              {
                title: 'Set keepalived_virtual_router_id (choose an id no other keepalived on the segment uses)',
                safe: false,
                edits: [
                  {
                    start: lineEndAt(text, vip.valueSpan.end),
                    end: lineEndAt(text, vip.valueSpan.end),
                    newText: `\nkeepalived_virtual_router_id: "${suggestVrid(d.value('kolla_internal_vip_address'))}"`,
                  },
                ],
              },
            ]
          : [];
      ctx.report({
        file: vip.file,
        span: vip.keySpan,
        message: `keepalived_virtual_router_id is not set, so kolla uses ${KOLLA_VRID} for this VIP: another kolla cloud or keepalived pair on this segment that kept the default joins the same VRRP group and takes over the VIP; set an id no neighbour uses`,
        fixes,
      });
    },
  },
});

/** A VRID other than 51 from the VIP's last byte, as a starting point the user checks against the segment. */
function suggestVrid(v: { known: boolean; value?: unknown }): number {
  const last = v.known ? Number(String(v.value).split('.').pop()) : NaN;
  const n = Number.isInteger(last) && last >= 1 && last <= 255 && last !== KOLLA_VRID ? last : 52;
  return n;
}
