import { defineRule } from './rule';
import { anchor, usesGalera } from './galera/support';

/** What mariadbd calls a cluster whose wsrep_cluster_name is not set. */
const DEFAULT_CLUSTER_NAME = 'my_wsrep_cluster';

export const rule = defineRule({
  meta: {
    id: 'galera-cluster-name-consistent',
    severity: 'error',
    fixable: false,
    tools: { mariadbd: 'accepts' },
    guide: '2016:controller-ha-galera-config',
    topic: 'galera',
    title: 'wsrep_cluster_name is missing or differs between the nodes',
    why: 'Nodes join only a cluster of their own name: a node with another wsrep_cluster_name cannot connect to the others, and a node that sets none takes the default my_wsrep_cluster, which only the nodes that set none share. A file that sets no name, with no other node to compare, gets a note: any other unnamed Galera cluster on the network has the same name.',
  },
  on: {
    galera(ctx) {
      if (!usesGalera(ctx)) return;
      const e = ctx.options.get('wsrep_cluster_name');
      // unset, a node takes Galera's default name: it joins nodes that also leave it unset, not ones that name their cluster
      const name = e?.value || DEFAULT_CLUSTER_NAME;
      const other = ctx.peers.find((p) => p.kind === 'galera' && (p.values?.wsrep_cluster_name || DEFAULT_CLUSTER_NAME) !== name);
      if (!e?.value) {
        ctx.report(
          other
            ? {
                span: e?.keySpan ?? anchor(ctx),
                message: `wsrep_cluster_name is not set here, so it is ${DEFAULT_CLUSTER_NAME}, but '${other.values?.wsrep_cluster_name}' in ${other.file}: these nodes cannot join one cluster`,
              }
            : {
                span: e?.keySpan ?? anchor(ctx),
                severity: 'info',
                message: `wsrep_cluster_name is not set: the node takes the default ${DEFAULT_CLUSTER_NAME}, as would any other Galera node on the network; name the cluster on every node`,
              },
        );
        return;
      }
      if (other)
        ctx.report({
          span: e.valueSpan,
          message: `wsrep_cluster_name is '${e.value}' here but ${other.values?.wsrep_cluster_name ? `'${other.values.wsrep_cluster_name}'` : `not set (so ${DEFAULT_CLUSTER_NAME})`} in ${other.file}: these nodes cannot join one cluster`,
        });
    },
  },
});
