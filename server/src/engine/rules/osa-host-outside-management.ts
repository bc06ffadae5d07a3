import { defineRule } from './rule';
import { cidrContains, isCidr, isIP } from '../text/ip';
import { hostsOnce } from './openstack-ansible/support';

export const rule = defineRule({
  meta: {
    id: 'osa-host-outside-management',
    severity: 'warning',
    fixable: false,
    title: "An OpenStack-Ansible host's ip is outside the management network",
    why: "OpenStack-Ansible reaches each host by its ip and uses it as the host's management address: the services it runs on metal listen there, and the containers, HAProxy's backends and the internal VIP all live on the management network (cidr_networks.management, or container in older configs). A host outside it is reached through a router, if at all, and the usual cause is a network changed in cidr_networks and not in the hosts.",
  },
  on: {
    'openstack-ansible'(ctx) {
      const d = ctx.deployment;
      const net = d.managementCidr();
      if (!net || !isCidr(net.cidr.trim())) return;
      const cidr = net.cidr.trim();
      for (const h of hostsOnce(d)) {
        if (!h.ip || !h.ipSpan || !isIP(h.ip) || cidrContains(cidr, h.ip)) continue;
        ctx.report({
          file: h.file,
          span: h.ipSpan,
          message: `${h.name}'s ip ${h.ip} is outside the management network ${cidr} (cidr_networks.${net.name}): OSA uses it as the host's management address, which the containers, HAProxy's backends and the internal VIP expect on that network`,
          related: [{ file: net.file, span: net.span, message: `cidr_networks.${net.name}` }],
        });
      }
    },
  },
});
