import { defineRule } from './rule';
import { canonicalIP } from '../text/ip';
import { keepalivedOn, vipSetting } from './openstack-ansible/support';

export const rule = defineRule({
  meta: {
    id: 'osa-single-load-balancer',
    severity: 'error',
    fixable: false,
    topic: 'spof',
    title: 'OpenStack-Ansible has one load balancer host, so keepalived is off and the VIPs have no failover',
    why: "OpenStack-Ansible turns keepalived on only when the haproxy group has more than one host (haproxy_use_keepalived: groups['haproxy'] | length > 1). With one load balancer host, nothing moves the VIPs: when that host fails, every API, Galera and RabbitMQ address behind HAProxy is unreachable, however many infrastructure hosts run the services.",
  },
  on: {
    'openstack-ansible'(ctx) {
      const d = ctx.deployment;
      const lb = d.groupHosts('load_balancer');
      if (lb.length !== 1) return;
      // a deployment whose database runs on one host does not try to be highly available: its load balancer is not the only single point
      if (d.groupHosts('galera').length < 2) return;
      const g = d.group('load_balancer');
      if (!g) return;
      const host = lb[0];
      const on = keepalivedOn(d);
      const vip = vipSetting(d, 'internal');
      const own = vip && host.ip && canonicalIP(vip.value) === canonicalIP(host.ip) ? `; ${vip.name} is ${host.name}'s own address` : '';
      const keepalived =
        on === true
          ? 'keepalived runs there with no other host to move the VIPs to'
          : d.setting('haproxy_use_keepalived')
            ? 'keepalived is off (haproxy_use_keepalived), so nothing moves the VIPs'
            : "OSA then leaves keepalived off (haproxy_use_keepalived: groups['haproxy'] | length > 1), so nothing moves the VIPs";
      ctx.report({
        file: g.file,
        span: g.keySpan,
        message: `${g.name} has one host (${host.name}): ${keepalived}${own}; when ${host.name} fails, every service behind HAProxy is unreachable. Add two more load balancer hosts`,
      });
    },
  },
});
