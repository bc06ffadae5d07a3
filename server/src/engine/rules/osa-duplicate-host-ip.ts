import { defineRule } from './rule';
import { sharedAddresses } from './openstack-ansible/support';

export const rule = defineRule({
  meta: {
    id: 'osa-duplicate-host-ip',
    severity: 'error',
    fixable: false,
    title: 'Two OpenStack-Ansible hosts are given the same ip',
    why: 'OpenStack-Ansible\'s inventory generator refuses a user config in which two hosts have one address (MultipleHostsWithOneIPError: "Both host:a and host:b have address:x assigned"), and stops before any playbook runs. A host written under several groups is one host: only different host names with one ip are refused.',
  },
  on: {
    'openstack-ansible'(ctx) {
      for (const { host, first } of sharedAddresses(ctx.deployment)) {
        if (!host.ipSpan) continue;
        ctx.report({
          file: host.file,
          span: host.ipSpan,
          message: `${host.ip} is already ${first.name}'s ip: OSA's inventory generator refuses two hosts with one address ("Both host:${first.name} and host:${host.name} have address:${host.ip} assigned")`,
          ...(first.ipSpan ? { related: [{ file: first.file, span: first.ipSpan, message: `${first.name}'s ip` }] } : {}),
        });
      }
    },
  },
});
