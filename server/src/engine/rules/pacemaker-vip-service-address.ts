import { defineRule } from './rule';
import { isVip, PmResource, runTogether } from '../documents/pacemaker/model';
import { canonicalIP } from '../text/ip';

/** An address a resource's parameters make its service listen on: `--bind-address=X` in an option string, or a bind/listen parameter. */
function boundAddress(r: PmResource): { address: string; param: string; span: { start: number; end: number } } | undefined {
  for (const [name, p] of r.params) {
    const inline = /(?:^|\s)--?(?:bind[-_]address|bind|listen[-_]address|listen)[=\s]+(\d{1,3}(?:\.\d{1,3}){3})\b/.exec(p.value);
    const own = /^(bind[-_]?address|listen[-_]?address|bind_ip|listen_ip)$/i.test(name)
      ? /^(\d{1,3}(?:\.\d{1,3}){3})$/.exec(p.value.trim())
      : null;
    const address = inline?.[1] ?? own?.[1];
    if (address && !/^(0\.0\.0\.0|127\.)/.test(address)) return { address, param: name, span: p.span };
  }
  return undefined;
}

export const rule = defineRule({
  meta: {
    id: 'pacemaker-vip-service-address',
    severity: 'error',
    fixable: false,
    tools: { crm_verify: 'accepts', crmsh: 'accepts' },
    guide: '2016:controller-ha-vip',
    topic: 'vip',
    title: 'A service that runs with a VIP but binds another address',
    why: "A VIP resource and the service grouped or colocated with it move together: clients reach the service through the VIP. When the service's parameters bind it to another fixed address (the old guide's MySQL example binds 50.56.179.138 beside a VIP of 192.168.42.101), clients of the VIP reach nothing, and on the node the pair fails over to that address does not exist, so the service does not start. Bind the VIP's address (with ip_nonlocal_bind where needed) or all addresses. crm_verify does not look inside agent parameters.",
  },
  on: {
    pacemaker(ctx) {
      const m = ctx.model;
      const vips = m.resources.filter((r) => isVip(r) && r.params.get('ip'));
      for (const r of m.resources) {
        if (isVip(r)) continue;
        const bound = boundAddress(r);
        if (!bound) continue;
        for (const vip of vips) {
          const ip = vip.params.get('ip')!.value;
          if (!runTogether(m, vip, r) || canonicalIP(ip) === canonicalIP(bound.address)) continue;
          ctx.report({
            span: bound.span,
            message: `${r.id} binds ${bound.address} (${bound.param}) but runs with VIP ${vip.id} (${ip}): clients of the VIP reach nothing, and after a failover ${bound.address} is not on the new node`,
          });
          break;
        }
      }
    },
  },
});
