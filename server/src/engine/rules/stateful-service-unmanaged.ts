import { defineRule } from './rule';
import { isStateful, serviceNodeNames } from '../documents/manifest/queries';

export const rule = defineRule({
  meta: {
    id: 'stateful-service-unmanaged',
    severity: 'warning',
    fixable: false,
    topic: 'stateless-vs-stateful',
    guide: 'intro-os-ha-state',
    title: 'A stateful service runs active/passive outside Pacemaker, or on one node with no replication',
    why: 'A stateful service needs either its own replication or a cluster manager that moves it, with its data and VIP, when the active node fails, and fences the old node so two copies never run. Without either, its state goes down with one node.',
  },
  on: {
    manifest(ctx) {
      const m = ctx.manifest;
      for (const s of m.services.values()) {
        if (!isStateful(s) || !s.on) continue;
        const mode = s.mode?.value;
        if (mode === 'per-node' || mode === 'client-side') continue;
        const nodes = serviceNodeNames(m, s);
        if (mode === 'active-passive') {
          const cluster = s.on.kind === 'cluster' ? m.clusters.get(s.on.ref.value) : undefined;
          if (s.on.kind === 'cluster' && !cluster) continue; // unknown-reference reports it
          if (!cluster || cluster.manager !== 'pacemaker') {
            const where = cluster
              ? `cluster '${cluster.name}', managed by ${cluster.manager}`
              : `a list of ${nodes.length} node${nodes.length === 1 ? '' : 's'}`;
            ctx.report({
              span: s.on.span,
              message: `${s.name} is stateful and runs active-passive on ${where}; only a Pacemaker cluster moves it to a standby, and fences the old node, when the active one fails`,
            });
            continue;
          }
        }
        if (nodes.length === 1) {
          ctx.report({
            span: s.on.span,
            message: `${s.name} is stateful and runs on one node (${nodes[0]}) with no replication: its data and service go down with that node`,
          });
        }
      }
    },
  },
});
