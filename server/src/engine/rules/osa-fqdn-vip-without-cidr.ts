import { defineRule } from './rule';
import { isIP } from '../text/ip';
import { OSA_DEFAULTS } from '../knowledge/osa/defaults';
import { keepalivedOn, vipSetting } from './openstack-ansible/support';

/** A DNS name (labels of letters, digits and hyphens), not an address nor a template. */
const FQDN = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*\.?$/;

export const rule = defineRule({
  meta: {
    id: 'osa-fqdn-vip-without-cidr',
    severity: 'warning',
    fixable: false,
    topic: 'keepalived',
    title: 'An OpenStack-Ansible VIP is a name, and haproxy_keepalived_*_vip_cidr is not set',
    why: 'When internal_lb_vip_address or external_lb_vip_address is a name, OpenStack-Ansible cannot derive the address keepalived should hold from it: haproxy_keepalived_<side>_vip_cidr says it, and unset it keeps its placeholder in the link-local range (169.254.2.1/24 internal, 169.254.1.1/24 external). keepalived then moves the placeholder, and the address the name resolves to is held by no load balancer.',
  },
  on: {
    'openstack-ansible'(ctx) {
      const d = ctx.deployment;
      if (!d.groupHosts('load_balancer').length) return;
      // the user writes keepalived's instances (OSA's multi-AZ example, in group_vars/haproxy): OSA's
      // own, the ones that read haproxy_keepalived_<side>_vip_cidr, are replaced
      if (d.setting('keepalived_instances')) return;
      const on = keepalivedOn(d);
      for (const side of ['internal', 'external'] as const) {
        const vip = vipSetting(d, side);
        if (!vip || isIP(vip.value) || !FQDN.test(vip.value) || !/[A-Za-z]/.test(vip.value)) continue;
        const cidr = `haproxy_keepalived_${side}_vip_cidr`;
        if (d.setting(cidr)) continue;
        const placeholder = OSA_DEFAULTS[d.release][cidr];
        const what = `${vip.name} is a name (${vip.value}) and ${cidr} is not set`;
        if (on === false)
          ctx.report({
            file: vip.setting.file,
            span: vip.setting.valueSpan,
            severity: 'info',
            message: `${what}: keepalived is off now, but once it runs (a second load balancer host) it will move the placeholder ${placeholder}, not the name's address; set ${cidr} to that address and its prefix`,
          });
        else
          ctx.report({
            file: vip.setting.file,
            span: vip.setting.valueSpan,
            message: `${what}: keepalived moves the placeholder ${placeholder}, not the address the name resolves to, so no load balancer holds that address; set ${cidr} to it and its prefix`,
          });
      }
    },
  },
});
