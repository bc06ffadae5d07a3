import { HaRule } from './rule';
import { describeHost, sameHost } from '../../workspace/topology';

export const rule: HaRule = {
  meta: {
    id: 'haproxy-backend-all-controllers', severity: 'warning', fixable: false, tools: { 'haproxy -c': 'accepts' }, guide: 'control-plane-stateless', topic: 'haproxy',
    title: 'A backend lists one server, or not every controller that runs the service',
    why: 'The back end is the list of every instance of the service; a controller missing from it takes no traffic, and a back end of one server is down with that server whatever the VIP does.',
  },
  check(ctx) {
    const { view, topology: t } = ctx;
    for (const s of view.proxies()) {
      if (s.kind === 'frontend') continue;
      const servers = view.servers(s);
      const svc = view.service(s);
      if (!servers.length || !svc) continue;
      if (servers.length === 1) {
        ctx.report({ span: s.header.span, message: `${s.kind} ${s.name?.text ?? ''} has one server (${servers[0].name}): ${svc.name} behind it is down whenever that server is` });
        continue;
      }
      if (!t) continue;
      const hosts = t.hostsOf(svc.name === 'galera' ? 'galera' : svc.name) ?? t.controllers;
      const missing = hosts.filter((h) => !servers.some((x) => x.host !== undefined && (sameHost(x.host, h) || sameHost(x.name, h))));
      if (!missing.length || missing.length === hosts.length) continue;
      ctx.report({ span: s.header.span, message: `${s.kind} ${s.name?.text ?? ''} leaves out ${missing.map(describeHost).join(', ')}, which ${t.source} says run${missing.length === 1 ? 's' : ''} ${svc.name}` });
    }
  },
};
