import { defineRule } from './rule';
import { NODE_LOCAL_BACKENDS } from '../documents/manifest/schema';
import { serviceNodeNames } from '../documents/manifest/queries';

export const rule = defineRule({
  meta: {
    id: 'shared-storage-backend',
    severity: 'warning',
    fixable: false,
    topic: 'shared-storage',
    guide: 'storage-ha-backend',
    title: 'glance-api or cinder-volume runs on several nodes with a node-local backend',
    why: 'With file or LVM storage each node keeps its own copy of nothing the others can see: images uploaded through one glance-api are missing on the others, and a cinder-volume that fails over cannot reach the volumes on the dead node. Use a shared, replicated backend such as Ceph.',
  },
  on: {
    manifest(ctx) {
      for (const s of ctx.manifest.services.values()) {
        if (!s.info?.hasBackend || !s.backend || !NODE_LOCAL_BACKENDS.includes(s.backend.value)) continue;
        const n = serviceNodeNames(ctx.manifest, s).length;
        if (n < 2) continue;
        const effect =
          s.info.name === 'glance-api'
            ? `an image uploaded through one node is missing on the other ${n - 1}`
            : 'after a failover the surviving node cannot reach the volumes of the failed one';
        ctx.report({
          span: s.backend.span,
          message: `${s.name} keeps its data on '${s.backend.value}', local to each of its ${n} nodes: ${effect}`,
        });
      }
    },
  },
});
