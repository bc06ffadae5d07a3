import { defineRule } from './rule';
import { anchor, usesGalera } from './galera/support';

export const rule = defineRule({
  meta: {
    id: 'galera-node-identity',
    severity: 'warning',
    fixable: false,
    tools: { mariadbd: 'accepts' },
    guide: '2016:controller-ha-galera-config',
    topic: 'galera',
    title: 'wsrep_node_name or wsrep_node_address is missing, or shared with another node',
    why: "Each node names itself and the address others reach it on; with a shared name or address, state transfers and the cluster's view of its members go to the wrong node.",
  },
  on: {
    galera(ctx) {
      if (!usesGalera(ctx)) return;
      for (const key of ['wsrep_node_name', 'wsrep_node_address']) {
        const e = ctx.options.get(key);
        if (!e?.value) {
          ctx.report({
            span: e?.keySpan ?? anchor(ctx),
            message: `${key} is not set: each node should name itself and the address the others reach it on`,
          });
          continue;
        }
        const twin = ctx.peers.find((p) => p.kind === 'galera' && p.values?.[key] === e.value);
        if (twin) ctx.report({ span: e.valueSpan, message: `${key} '${e.value}' is also set in ${twin.file}: each node needs its own` });
      }
    },
  },
});
