import { KaRule } from './rule';
import { instances, name, value } from './support';

export const rule: KaRule = {
  meta: {
    id: 'keepalived-vrid-priority-sane', severity: 'warning', fixable: false, topic: 'keepalived',
    title: 'A virtual_router_id or priority out of range, or a VRID used twice on one interface',
    why: 'The VRID names a VRRP group on its network segment: two instances with one VRID on one interface are the same group to VRRP, which keepalived refuses. VRIDs and priorities run from 1 to 255.',
  },
  check(ctx) {
    const seen = new Map<string, string>();
    for (const i of instances(ctx.file)) {
      const vrid = value(i, 'virtual_router_id');
      const prio = value(i, 'priority');
      for (const [w, what] of [[vrid, 'virtual_router_id'], [prio, 'priority']] as const) {
        if (w && !(/^\d+$/.test(w.text) && Number(w.text) >= 1 && Number(w.text) <= 255)) ctx.report({ span: w.span, severity: 'error', message: `${what} ${w.text} of vrrp_instance ${name(i)} is outside 1-255` });
      }
      if (!vrid) { ctx.report({ span: i.header[0].span, severity: 'error', message: `vrrp_instance ${name(i)} has no virtual_router_id` }); continue; }
      const key = `${value(i, 'interface')?.text ?? ''}/${vrid.text}`;
      if (seen.has(key)) ctx.report({ span: vrid.span, severity: 'error', message: `vrrp_instance ${name(i)} uses virtual_router_id ${vrid.text} on ${value(i, 'interface')?.text ?? 'its interface'}, like ${seen.get(key)}: one VRRP group, two instances` });
      else seen.set(key, name(i));
    }
  },
};
