/** The rules that compare a Galera node with its cluster: its peers' files and the manifest. */
import { CnfRule } from './rule';
import { anchor, gcommHosts, usesGalera, wsrepOnHere } from './support';
import { describeHost, isVip, sameHost, hostsRelated, serviceRelated, vipRelated, peerRelated } from '../../workspace/topology';

const G = '2016:controller-ha-galera-config';
/** What mariadbd calls a cluster whose wsrep_cluster_name is not set. */
const DEFAULT_CLUSTER_NAME = 'my_wsrep_cluster';

export const clusterName: CnfRule = {
  meta: { id: 'galera-cluster-name-consistent', severity: 'error', fixable: false, tools: { 'mariadbd': 'accepts' }, guide: G, topic: 'galera', title: 'wsrep_cluster_name is missing or differs between the nodes', why: 'Nodes join only a cluster of their own name: a node with another wsrep_cluster_name cannot connect to the others, and a node that sets none takes the default my_wsrep_cluster, which only the nodes that set none share. A file that sets no name, with no other node to compare, gets a note: any other unnamed Galera cluster on the network has the same name.' },
  check(ctx) {
    if (!usesGalera(ctx)) return;
    const e = ctx.options.get('wsrep_cluster_name');
    // unset, a node takes Galera's default name: it joins nodes that also leave it unset, not ones that name their cluster
    const name = e?.value || DEFAULT_CLUSTER_NAME;
    const other = ctx.peers.find((p) => p.kind === 'galera' && (p.values?.wsrep_cluster_name || DEFAULT_CLUSTER_NAME) !== name);
    if (!e?.value) {
      ctx.report(other
        ? { span: e?.keySpan ?? anchor(ctx), message: `wsrep_cluster_name is not set here, so it is ${DEFAULT_CLUSTER_NAME}, but '${other.values?.wsrep_cluster_name}' in ${other.file}: these nodes cannot join one cluster` }
        : { span: e?.keySpan ?? anchor(ctx), severity: 'info', message: `wsrep_cluster_name is not set: the node takes the default ${DEFAULT_CLUSTER_NAME}, as would any other Galera node on the network; name the cluster on every node` });
      return;
    }
    if (other) ctx.report({ span: e.valueSpan, message: `wsrep_cluster_name is '${e.value}' here but ${other.values?.wsrep_cluster_name ? `'${other.values.wsrep_cluster_name}'` : `not set (so ${DEFAULT_CLUSTER_NAME})`} in ${other.file}: these nodes cannot join one cluster` });
  },
};

export const clusterAddress: CnfRule = {
  meta: { id: 'galera-cluster-address-complete', severity: 'error', fixable: true, tools: { 'mariadbd': 'accepts' }, guide: G, topic: 'galera-primary-component', title: 'wsrep_cluster_address is not gcomm:// with every member (or is an empty gcomm://)', why: 'At start each node contacts the listed members to join the Primary Component. An empty gcomm:// bootstraps a new cluster every time the node starts, splitting it from the others; a missing member is never contacted. A node without an address at all does not start: mariadbd refuses it (`SST method requires wsrep_cluster_address to be configured on startup`). A conf.d fragment that sets neither wsrep_on nor the address (a container\'s command line gives both) gets a warning.' },
  check(ctx) {
    if (!usesGalera(ctx)) return;
    const e = ctx.options.get('wsrep_cluster_address');
    // mariadbd refuses to start a Galera node without it (its SST method needs it), whatever the SST method
    if (!e?.value) {
      // with wsrep_on in the file mariadbd refuses to start; a fragment that leaves wsrep_on to the command line most likely gets the address there too
      ctx.report(wsrepOnHere(ctx)
        ? { span: e?.keySpan ?? anchor(ctx), tools: { mariadbd: 'refuses' }, message: 'wsrep_cluster_address is not set: mariadbd refuses to start a Galera node without it, and the node would know no other member' }
        : { span: e?.keySpan ?? anchor(ctx), severity: 'warning', message: 'wsrep_cluster_address is not set, nor wsrep_on: unless the command line or another option file gives both, this node joins no cluster' });
      return;
    }
    const hosts = gcommHosts(e.value);
    if (!hosts) { ctx.report({ span: e.valueSpan, message: `wsrep_cluster_address '${e.value}' is not gcomm://host,host,...` }); return; }
    if (!hosts.length) { ctx.report({ span: e.valueSpan, message: 'wsrep_cluster_address=gcomm:// (empty) bootstraps a new cluster at every start; list every member, and bootstrap once with --wsrep-new-cluster' }); return; }
    const t = ctx.topology;
    const members = t?.hostsOf('galera');
    if (t && members?.length) {
      const missing = members.filter((m) => !hosts.some((h) => sameHost(h, m)));
      const vip = hosts.map((h) => isVip(t, h)).find(Boolean);
      if (vip) { ctx.report({ span: e.valueSpan, message: `wsrep_cluster_address names VIP '${vip}': Galera members must name each other`, related: vipRelated(t, vip, `VIP ${vip} in ${t.source}`) }); return; }
      if (missing.length) {
        const full = `gcomm://${members.map((m) => m.address ?? m.name).join(',')}`;
        ctx.report({ span: e.valueSpan, message: `wsrep_cluster_address lists ${members.length - missing.length} of the ${members.length} Galera nodes of ${t.source}; missing: ${missing.map(describeHost).join(', ')}`,
          related: [...serviceRelated(t, 'galera', `${t.source} places galera here`), ...hostsRelated(t, missing, (h) => `${h.name ?? h.address} runs galera`)],
          fixes: [{ title: 'List every Galera node', safe: true, preferred: true, edits: [{ start: e.valueSpan.start, end: e.valueSpan.end, newText: e.value !== undefined && /^["']/.test(ctx.text.slice(e.valueSpan.start)) ? `"${full}"` : full }] }] });
        return;
      }
    }
    const other = ctx.peers.find((p) => p.kind === 'galera' && p.values?.wsrep_cluster_address && gcommHosts(p.values.wsrep_cluster_address)?.length && JSON.stringify([...gcommHosts(p.values.wsrep_cluster_address)!].sort()) !== JSON.stringify([...hosts].sort()));
    if (other) ctx.report({ span: e.valueSpan, message: `wsrep_cluster_address lists ${hosts.join(', ')} here but ${gcommHosts(other.values!.wsrep_cluster_address)!.join(', ')} in ${other.file}`, related: peerRelated(other, { start: 0, end: 0 }, `wsrep_cluster_address of ${other.file}`) });
  },
};

export const nodeIdentity: CnfRule = {
  meta: { id: 'galera-node-identity', severity: 'warning', fixable: false, tools: { 'mariadbd': 'accepts' }, guide: G, topic: 'galera', title: 'wsrep_node_name or wsrep_node_address is missing, or shared with another node', why: 'Each node names itself and the address others reach it on; with a shared name or address, state transfers and the cluster\'s view of its members go to the wrong node.' },
  check(ctx) {
    if (!usesGalera(ctx)) return;
    for (const key of ['wsrep_node_name', 'wsrep_node_address']) {
      const e = ctx.options.get(key);
      if (!e?.value) { ctx.report({ span: e?.keySpan ?? anchor(ctx), message: `${key} is not set: each node should name itself and the address the others reach it on` }); continue; }
      const twin = ctx.peers.find((p) => p.kind === 'galera' && p.values?.[key] === e.value);
      if (twin) ctx.report({ span: e.valueSpan, message: `${key} '${e.value}' is also set in ${twin.file}: each node needs its own` });
    }
  },
};

export const bindAddress: CnfRule = {
  meta: { id: 'galera-bind-address', severity: 'error', fixable: false, tools: { 'mariadbd': 'accepts' }, guide: '2016:controller-ha-galera-config', topic: 'haproxy', title: 'bind-address is 127.0.0.1, or 0.0.0.0 where HAProxy binds the VIP on 3306', why: 'On 127.0.0.1 neither HAProxy on the other nodes nor the clients reach the database. On 0.0.0.0 mysqld also takes the VIP\'s port 3306 when the VIP moves to its node, and HAProxy cannot bind it. Bind the management address.' },
  check(ctx) {
    if (!usesGalera(ctx)) return;
    const e = ctx.options.get('bind_address');
    if (!e?.value) return;
    if (/^(127\.|::1$|localhost$)/.test(e.value)) { ctx.report({ span: e.valueSpan, message: `bind-address=${e.value}: only this host can reach the database; bind the node's management address` }); return; }
    const t = ctx.topology;
    if ((e.value === '0.0.0.0' || e.value === '::' || e.value === '*') && t && t.vipOf('galera')) {
      ctx.report({ span: e.valueSpan, message: `bind-address=${e.value} also binds the database VIP (${t.vipOf('galera')}) when it moves here, and HAProxy cannot listen on it; bind the node's management address` });
    }
  },
};
