import { defineRule } from './rule';
import { KOLLA_OLD_LB_GROUP } from '../knowledge/kolla/defaults';

export const rule = defineRule({
  meta: {
    id: 'kolla-loadbalancer-group',
    severity: 'error',
    fixable: true,
    topic: 'vip',
    title: 'HAProxy is enabled but the inventory gives the loadbalancer group no host',
    why: "kolla deploys HAProxy and keepalived, and so the VIPs, on the hosts of the loadbalancer group. Inventories written before Xena call that group haproxy, which kolla no longer reads; with the group empty or missing, kolla's prechecks stop, and no host would hold the VIPs.",
  },
  on: {
    kolla(ctx) {
      const d = ctx.deployment;
      if (d.flag('enable_haproxy') === false) return;
      const inv = d.inventory;
      // only an inventory that says something of kolla's groups is judged (globals.yml alone says nothing of hosts)
      if (![...inv.groups.values()].some((g) => g.headers.length)) return;
      if (d.hosts('loadbalancer').length) return;
      const old = inv.groups.get(KOLLA_OLD_LB_GROUP);
      const oldHosts = d.hosts(KOLLA_OLD_LB_GROUP).map((h) => h.name);
      if (old?.headers.length && oldHosts.length) {
        for (const h of old.headers) {
          if (!h.file) continue;
          const name = { start: h.start + 1, end: h.start + 1 + KOLLA_OLD_LB_GROUP.length };
          ctx.report({
            file: h.file,
            span: name,
            message: `[${KOLLA_OLD_LB_GROUP}] is the group kolla read before Xena; kolla now puts HAProxy and keepalived on [loadbalancer], which is empty, so ${oldHosts.join(', ')} get no load balancer and the VIPs no holder`,
            fixes: [{ title: 'Rename the group to loadbalancer', safe: false, edits: [{ ...name, newText: 'loadbalancer' }] }],
          });
        }
        return;
      }
      const lb = inv.groups.get('loadbalancer');
      const at = lb?.headers.find((h) => h.file);
      if (at) {
        ctx.report({
          file: at.file!,
          span: { start: at.start, end: at.end },
          message:
            'the loadbalancer group has no host while enable_haproxy is on: kolla places HAProxy, keepalived and the VIPs on its hosts, so its prechecks stop',
        });
        return;
      }
      // no loadbalancer group at all: said on each inventory's first group
      const firsts = new Map<string, { start: number; end: number }>();
      for (const g of inv.groups.values())
        for (const h of g.headers) if (h.file && (!firsts.has(h.file) || h.start < firsts.get(h.file)!.start)) firsts.set(h.file, h);
      for (const [file, h] of firsts)
        ctx.report({
          file,
          span: { start: h.start, end: h.end },
          message:
            "the inventory has no loadbalancer group while enable_haproxy is on: kolla places HAProxy, keepalived and the VIPs on its hosts, so its prechecks stop; add [loadbalancer:children] naming the hosts (kolla's example uses network)",
        });
    },
  },
});
