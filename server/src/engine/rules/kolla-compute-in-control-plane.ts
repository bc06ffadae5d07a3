import { defineRule } from './rule';
import type { Located } from '../documents/ansible/ini-inventory';

/** Groups whose hosts run the control plane's clustered parts, and the groups of hosts that carry workloads. */
const CONTROL_PLANE = ['loadbalancer', 'mariadb', 'rabbitmq', 'control'];
const WORKLOAD = ['compute', 'storage'];

export const rule = defineRule({
  meta: {
    id: 'kolla-compute-in-control-plane',
    severity: 'warning',
    fixable: false,
    topic: 'spof',
    title: 'A compute or storage group is pulled into the control plane through :children',
    why: 'A line under [network:children] or [loadbalancer:children] that names compute makes every compute host a keepalived peer, a Galera or RabbitMQ member: a busy hypervisor then holds the VIP or votes in the quorum, and the cluster sizes are not what the control group shows. Hosts meant to do both are listed in both groups, one by one.',
  },
  on: {
    kolla(ctx) {
      const inv = ctx.deployment.inventory;
      const reported = new Set<Located>();
      for (const top of CONTROL_PLANE) {
        // breadth first through :children, keeping the group that led to each (the path is
        // spelled out only for a finding: a chain of thousands of groups stays linear)
        const seen = new Set<string>([top]);
        const queue: { group: string; from: number }[] = [{ group: top, from: -1 }];
        const pathTo = (i: number, last: string) => {
          const out = [last];
          for (let j = i; j >= 0; j = queue[j].from) out.push(queue[j].group);
          return out.reverse();
        };
        for (let q = 0; q < queue.length; q++) {
          const { group } = queue[q];
          for (const child of inv.groups.get(group)?.children ?? []) {
            if (seen.has(child.text)) continue;
            seen.add(child.text);
            if (WORKLOAD.includes(child.text)) {
              const path = pathTo(q, child.text);
              const hosts = ctx.deployment.hosts(child.text).map((h) => h.name);
              if (!hosts.length || reported.has(child) || !child.file) continue;
              reported.add(child);
              ctx.report({
                file: child.file,
                span: child.span,
                message: `${child.text} under [${group}:children] makes ${hosts.join(', ')} part of ${top}${path.length > 2 ? ` (through ${path.slice(1, -1).join(', ')})` : ''}: workload hosts become ${role(top)}`,
              });
              continue;
            }
            queue.push({ group: child.text, from: q });
          }
        }
      }
    },
  },
});

function role(group: string): string {
  if (group === 'loadbalancer') return 'keepalived peers that may hold the VIPs';
  if (group === 'mariadb') return 'Galera members that vote in its quorum';
  if (group === 'rabbitmq') return 'RabbitMQ cluster members';
  return 'controllers';
}
