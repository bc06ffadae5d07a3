import { defineRule } from './rule';
import { isVip, nodePeers } from '../model/topology';
import { canonicalIP, isIPv6 } from '../text/ip';

export const rule = defineRule({
  meta: {
    id: 'sysctl-nonlocal-bind',
    severity: 'error',
    fixable: false,
    tools: { 'haproxy -c': 'accepts' },
    guide: 'control-plane-stateless',
    topic: 'ip-nonlocal-bind',
    title: 'HAProxy binds a VIP but no sysctl file allows binding an address the node does not hold',
    why: 'Every HAProxy binds the VIP, but only one node holds it at a time. On the others the kernel refuses the bind unless net.ipv4.ip_nonlocal_bind (net.ipv6.ip_nonlocal_bind for an IPv6 VIP) is 1, so HAProxy does not start there and a failover finds no proxy running.',
  },
  on: {
    haproxy(ctx) {
      const { peers: sysctl, thisNode } = nodePeers(ctx.peers, 'sysctl');
      // Only a workspace that holds the nodes' sysctl files can say the setting is missing.
      if (!sysctl.length) return;
      // A VIP is what the manifest calls one, or an address another file gives keepalived to move.
      const kaVips = new Set(ctx.peers.flatMap((p) => (p.vrrp ?? []).flatMap((i) => i.vips)).map(canonicalIP));
      const reported = new Set<string>();
      for (const s of ctx.view.proxies()) {
        for (const b of ctx.view.binds(s)) {
          if (!b.host || reported.has(b.host)) continue;
          const vip = (ctx.topology && isVip(ctx.topology, b.host)) || kaVips.has(canonicalIP(b.host));
          if (!vip) continue;
          const key = isIPv6(b.host) ? 'net.ipv6.ip_nonlocal_bind' : 'net.ipv4.ip_nonlocal_bind';
          if (sysctl.some((p) => p.values?.[key] === '1')) continue;
          reported.add(b.host);
          const set = sysctl.filter((p) => p.values?.[key] !== undefined).map((p) => `${p.file} sets ${p.values![key]}`);
          ctx.report({
            span: b.arg.span,
            message: `${s.kind} ${s.name?.text ?? ''} binds the VIP ${b.host}, but no sysctl file of ${thisNode ? 'this node' : 'the workspace'} sets ${key} = 1 (${set.length ? set.join('; ') : `${sysctl.map((p) => p.file).join(', ')} leave it at 0`}): HAProxy will not start on the nodes that do not hold the VIP`,
          });
        }
      }
    },
  },
});
