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
        // breadth first through :children, keeping the line that led to each group
        const seen = new Set<string>([top]);
        const queue: { group: string; via: string[] }[] = [{ group: top, via: [top] }];
        while (queue.length) {
          const { group, via } = queue.shift()!;
          for (const child of inv.groups.get(group)?.children ?? []) {
            if (seen.has(child.text)) continue;
            seen.add(child.text);
            const path = [...via, child.text];
            if (WORKLOAD.includes(child.text)) {
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
            queue.push({ group: child.text, via: path });
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
