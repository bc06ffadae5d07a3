import { defineRule } from './rule';
import { anchor, gcommHosts, usesGalera, wsrepOnHere } from './galera/support';
import { describeHost, isVip, sameHost, hostsRelated, serviceRelated, vipRelated, peerRelated } from '../model/topology';

export const rule = defineRule({
  meta: {
    id: 'galera-cluster-address-complete',
    severity: 'error',
    fixable: true,
    tools: { mariadbd: 'accepts' },
    guide: '2016:controller-ha-galera-config',
    topic: 'galera-primary-component',
    title: 'wsrep_cluster_address is not gcomm:// with every member (or is an empty gcomm://)',
    why: "At start each node contacts the listed members to join the Primary Component. An empty gcomm:// bootstraps a new cluster every time the node starts, splitting it from the others; a missing member is never contacted. A node without an address at all does not start: mariadbd refuses it (`SST method requires wsrep_cluster_address to be configured on startup`). A conf.d fragment that sets neither wsrep_on nor the address (a container's command line gives both) gets a warning.",
  },
  on: {
    galera(ctx) {
      if (!usesGalera(ctx)) return;
      const e = ctx.options.get('wsrep_cluster_address');
      // mariadbd refuses to start a Galera node without it (its SST method needs it), whatever the SST method
      if (!e?.value) {
        // with wsrep_on in the file mariadbd refuses to start; a fragment that leaves wsrep_on to the command line most likely gets the address there too
        ctx.report(
          wsrepOnHere(ctx)
            ? {
                span: e?.keySpan ?? anchor(ctx),
                tools: { mariadbd: 'refuses' },
                message:
                  'wsrep_cluster_address is not set: mariadbd refuses to start a Galera node without it, and the node would know no other member',
              }
            : {
                span: e?.keySpan ?? anchor(ctx),
                severity: 'warning',
                message:
                  'wsrep_cluster_address is not set, nor wsrep_on: unless the command line or another option file gives both, this node joins no cluster',
              },
        );
        return;
      }
      const hosts = gcommHosts(e.value);
      if (!hosts) {
        ctx.report({ span: e.valueSpan, message: `wsrep_cluster_address '${e.value}' is not gcomm://host,host,...` });
        return;
      }
      if (!hosts.length) {
        ctx.report({
          span: e.valueSpan,
          message:
            'wsrep_cluster_address=gcomm:// (empty) bootstraps a new cluster at every start; list every member, and bootstrap once with --wsrep-new-cluster',
        });
        return;
      }
      const t = ctx.topology;
      const members = t?.hostsOf('galera');
      if (t && members?.length) {
        const missing = members.filter((m) => !hosts.some((h) => sameHost(h, m)));
        const vip = hosts.map((h) => isVip(t, h)).find(Boolean);
        if (vip) {
          ctx.report({
            span: e.valueSpan,
            message: `wsrep_cluster_address names VIP '${vip}': Galera members must name each other`,
            related: vipRelated(t, vip, `VIP ${vip} in ${t.source}`),
          });
          return;
        }
        if (missing.length) {
          const full = `gcomm://${members.map((m) => m.address ?? m.name).join(',')}`;
          ctx.report({
            span: e.valueSpan,
            message: `wsrep_cluster_address lists ${members.length - missing.length} of the ${members.length} Galera nodes of ${t.source}; missing: ${missing.map(describeHost).join(', ')}`,
            related: [
              ...serviceRelated(t, 'galera', `${t.source} places galera here`),
              ...hostsRelated(t, missing, (h) => `${h.name ?? h.address} runs galera`),
            ],
            fixes: [
              {
                title: 'List every Galera node',
                safe: true,
                preferred: true,
                edits: [
                  {
                    start: e.valueSpan.start,
                    end: e.valueSpan.end,
                    newText: e.value !== undefined && /^["']/.test(ctx.text.slice(e.valueSpan.start)) ? `"${full}"` : full,
                  },
                ],
              },
            ],
          });
          return;
        }
      }
      const other = ctx.peers.find(
        (p) =>
          p.kind === 'galera' &&
          p.values?.wsrep_cluster_address &&
          gcommHosts(p.values.wsrep_cluster_address)?.length &&
          JSON.stringify([...gcommHosts(p.values.wsrep_cluster_address)!].sort()) !== JSON.stringify([...hosts].sort()),
      );
      if (other)
        ctx.report({
          span: e.valueSpan,
          message: `wsrep_cluster_address lists ${hosts.join(', ')} here but ${gcommHosts(other.values!.wsrep_cluster_address)!.join(', ')} in ${other.file}`,
          related: peerRelated(other, { start: 0, end: 0 }, `wsrep_cluster_address of ${other.file}`),
        });
    },
  },
});
