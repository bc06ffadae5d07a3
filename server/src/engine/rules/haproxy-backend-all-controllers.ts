import { defineRule } from './rule';
import { describeHost, sameHost, hostsRelated, serviceRelated } from '../model/topology';

export const rule = defineRule({
  meta: {
    id: 'haproxy-backend-all-controllers',
    severity: 'warning',
    fixable: false,
    tools: { 'haproxy -c': 'accepts' },
    guide: 'control-plane-stateless',
    topic: 'haproxy',
    title: 'A backend lists one server, or not every controller that runs the service',
    why: 'The back end is the list of every instance of the service; a controller missing from it takes no traffic, and a back end of one server is down with that server whatever the VIP does. A file whose every proxy has the same single server (an all-in-one node) is said once.',
  },
  on: {
    haproxy(ctx) {
      const { view, topology: t } = ctx;
      const balanced = view.proxies().filter((s) => s.kind !== 'frontend' && view.servers(s).length && view.service(s));
      // a balancer whose every proxy has the same one server fronts a single node (an all-in-one): said once, not per proxy
      const single = balanced.filter((s) => view.servers(s).length === 1);
      const hosts = new Set(single.map((s) => view.servers(s)[0].host ?? view.servers(s)[0].name));
      if (single.length > 1 && single.length === balanced.length && hosts.size === 1) {
        const only = view.servers(single[0])[0];
        ctx.report({
          span: single[0].header.span,
          message: `every proxy of this file (${single.length}) has one server, ${only.name} (${only.host ?? only.name}): the balancer fronts a single node, and every service behind it is down whenever that node is`,
        });
        return;
      }
      for (const s of balanced) {
        const servers = view.servers(s);
        const svc = view.service(s)!;
        if (servers.length === 1) {
          ctx.report({
            span: s.header.span,
            message: `${s.kind} ${s.name?.text ?? ''} has one server (${servers[0].name}): ${svc.name} behind it is down whenever that server is`,
          });
          continue;
        }
        if (!t) continue;
        const hosts = t.hostsOf(svc.name === 'galera' ? 'galera' : svc.name) ?? t.controllers;
        const missing = hosts.filter((h) => !servers.some((x) => x.host !== undefined && (sameHost(x.host, h) || sameHost(x.name, h))));
        if (!missing.length || missing.length === hosts.length) continue;
        ctx.report({
          span: s.header.span,
          message: `${s.kind} ${s.name?.text ?? ''} leaves out ${missing.map(describeHost).join(', ')}, which ${t.source} says run${missing.length === 1 ? 's' : ''} ${svc.name}`,
          related: [
            ...serviceRelated(t, svc.name, `${t.source} places ${svc.name} here`),
            ...hostsRelated(t, missing, (h) => `${h.name ?? h.address} runs ${svc.name}`),
          ],
        });
      }
    },
  },
});
