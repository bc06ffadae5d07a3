import { defineRule } from './rule';
import { block } from '../documents/corosync/parse';
import { CorosyncFacts, corosyncFacts } from '../documents/corosync/facts';
import { peerRelated, PeerConf } from '../model/topology';

/**
 * A totem setting as the node runs it, or undefined when that is not certain from the file alone
 * (secauth's meaning differs between corosync 2 and 3, so a file that sets only secauth is not compared).
 */
function effective(
  key: 'crypto_cipher' | 'crypto_hash' | 'transport',
  get: (k: string) => string | undefined,
  version: 2 | 3,
): string | undefined {
  const v = get(key);
  if (v !== undefined) return v;
  if (key === 'transport') return version === 2 ? 'udp' : 'knet';
  return get('secauth') === undefined ? 'none' : undefined;
}
export const rule = defineRule({
  meta: {
    id: 'corosync-conf-differs',
    severity: 'error',
    fixable: false,
    tools: { 'corosync -t': 'accepts' },
    guide: '2016:controller-ha-pacemaker',
    topic: 'corosync',
    title: 'The nodes of one corosync cluster have different corosync.conf files',
    why: "Every node of a cluster must run the same corosync.conf. Different crypto or transport settings mean the nodes cannot read each other's packets: each forms a cluster of its own, and both sides run the resources (an error). A different cluster_name or nodelist is a warning: the nodes count votes over different member lists, so quorum is not what either file says. corosync -t reads one file and sees nothing wrong; `pcs cluster sync` or one template per cluster keeps the files equal.",
  },
  on: {
    corosync(ctx) {
      // this file's facts, read as the other nodes' files were (documents/corosync/facts.ts)
      const here = corosyncFacts(ctx.file);
      const names = new Set(here.nodes.flatMap((n) => [n.name?.value, ...n.addresses.map((a) => a.value)]).filter((v) => v !== undefined));
      const clusterName = here.clusterName;
      // the other nodes' files of the same cluster: the same cluster_name, or nodelists that share a node
      const others = ctx.peers
        .filter(
          (p): p is PeerConf & { corosync: NonNullable<PeerConf['corosync']> } => p.kind === 'corosync' && !p.sameNode && !!p.corosync,
        )
        .filter(
          (p) =>
            (clusterName && p.corosync.clusterName?.value === clusterName.value) ||
            p.corosync.nodes.some((n) => [n.name?.value, ...n.addresses.map((a) => a.value)].some((v) => v !== undefined && names.has(v))),
        );
      const totemSpan = block(ctx.file.root, 'totem').pop()?.nameSpan;
      for (const p of others) {
        const f = p.corosync;
        for (const key of ['crypto_cipher', 'crypto_hash', 'transport'] as const) {
          const mine = here.totem[key],
            there = f.totem[key];
          const a = effective(key, (k) => here.totem[k]?.value, ctx.version),
            b = effective(key, (k) => f.totem[k]?.value, ctx.version);
          if (a === undefined || b === undefined || a === b) continue;
          ctx.report({
            span: mine?.span ?? totemSpan ?? { start: 0, end: 0 },
            message: `totem ${key} is ${a}${mine ? '' : ' (the default)'} here but ${b}${there ? '' : ' (the default)'} in ${p.file}: the nodes cannot read each other's packets, and each side forms a cluster of its own`,
            related: peerRelated(p, there?.span ?? f.nodelistSpan, `totem ${key} of ${p.file}`),
          });
        }
        if (clusterName && f.clusterName && clusterName.value !== f.clusterName.value) {
          ctx.report({
            span: clusterName.span,
            severity: 'warning',
            message: `cluster_name is ${clusterName.value} here but ${f.clusterName.value} in ${p.file}, whose nodelist shares nodes with this one`,
            related: peerRelated(p, f.clusterName.span, `cluster_name of ${p.file}`),
          });
        }
        // the nodelists: the same nodes (by name, else address) with the same ids
        if (!here.nodelistSpan || !f.nodes.length) continue;
        const key = (n: CorosyncFacts['nodes'][number]) => n.name?.value ?? n.addresses[0]?.value ?? '?';
        const theirs = f.nodes.map((n) => ({ key: key(n), nodeid: n.nodeid?.value }));
        const ours = here.nodes.map((n) => ({ key: key(n), nodeid: n.nodeid?.value }));
        const onlyHere = ours.filter((n) => !theirs.some((x) => x.key === n.key)).map((n) => n.key);
        const onlyThere = theirs.filter((n) => !ours.some((x) => x.key === n.key)).map((n) => n.key);
        const ids = ours
          .filter((n) => theirs.some((x) => x.key === n.key && x.nodeid !== undefined && n.nodeid !== undefined && x.nodeid !== n.nodeid))
          .map((n) => n.key);
        if (!onlyHere.length && !onlyThere.length && !ids.length) continue;
        const said = [
          onlyHere.length ? `${onlyHere.join(', ')} only here` : '',
          onlyThere.length ? `${onlyThere.join(', ')} only there` : '',
          ids.length ? `other nodeids for ${ids.join(', ')}` : '',
        ]
          .filter(Boolean)
          .join('; ');
        ctx.report({
          span: here.nodelistSpan,
          severity: 'warning',
          message: `the nodelist differs from ${p.file}'s (${said}): the nodes count votes over different member lists`,
          related: peerRelated(p, f.nodelistSpan, `nodelist of ${p.file}`),
        });
      }
    },
  },
});
