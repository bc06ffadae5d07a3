/** The little a rule needs to know of another config file of the workspace. */
import { readSysctl } from '../documents/sysctl/sysctl';
import { blocks, parseKeepalived, stmt } from '../documents/keepalived/parse';
import { instances, name, value, vips } from '../documents/keepalived/queries';
import { parseConf } from '../documents/oslo-conf/parse';
import { Listen, PeerConf, VrrpInstance } from '../model/topology';
import { parseCorosync } from '../documents/corosync/parse';
import { corosyncFacts } from '../documents/corosync/facts';
import { proxyFacts } from '../documents/haproxy/facts';
import { parseHaproxy } from '../documents/haproxy/parse';
import { HaView } from '../documents/haproxy/view';
import { parseCnf, serverOptions } from '../documents/galera/parse';
import { checkEndpoints } from '../documents/clustercheck/endpoints';
import { pacemakerSyntax } from '../documents/pacemaker/recognise';
import { parseCib } from '../documents/pacemaker/cib';
import { parseCrm, parsePcs } from '../documents/pacemaker/scripts';
import { pacemakerFacts } from '../documents/pacemaker/facts';

/** Where an OpenStack API listens: [section] host option and port option (with the port's default). */
const LISTEN: Record<string, [string, string, string, number][]> = {
  'nova.conf': [
    ['DEFAULT', 'osapi_compute_listen', 'osapi_compute_listen_port', 8774],
    ['DEFAULT', 'metadata_listen', 'metadata_listen_port', 8775],
  ],
  'cinder.conf': [['DEFAULT', 'osapi_volume_listen', 'osapi_volume_listen_port', 8776]],
  'glance-api.conf': [['DEFAULT', 'bind_host', 'bind_port', 9292]],
  'neutron.conf': [['DEFAULT', 'bind_host', 'bind_port', 9696]],
  'heat.conf': [
    ['heat_api', 'bind_host', 'bind_port', 8004],
    ['heat_api_cfn', 'bind_host', 'bind_port', 8000],
  ],
  'manila.conf': [['DEFAULT', 'osapi_share_listen', 'osapi_share_listen_port', 8786]],
};

/** Another service config of the workspace: cinder.conf's [DEFAULT] host and where its API listens, read as oslo.config would (the last one wins). */
export function peerConf(file: string, kind: string, text: string): PeerConf {
  let host: string | undefined;
  const conf = parseConf(text);
  const get = (section: string, key: string) => {
    let v: string | undefined;
    for (const s of conf.sections) if (s.name === section) for (const e of s.entries) if (e.key === key) v = e.value.trim();
    return v;
  };
  if (kind === 'cinder.conf') host = get('DEFAULT', 'host');
  const listens: Listen[] = [];
  for (const [section, hostKey, portKey, port] of LISTEN[kind] ?? []) {
    const h = get(section, hostKey);
    if (h !== undefined) listens.push({ port: Number(get(section, portKey) ?? port), host: h, option: `[${section}] ${hostKey}` });
  }
  return { file, kind, host, listens };
}

/** A Galera node's identity and cluster settings, from its option file. */
export function galeraPeer(file: string, text: string): PeerConf {
  const o = serverOptions(parseCnf(text));
  const values: Record<string, string> = {};
  for (const k of ['wsrep_cluster_name', 'wsrep_cluster_address', 'wsrep_node_name', 'wsrep_node_address', 'wsrep_provider_options']) {
    const v = o.get(k)?.value;
    if (v !== undefined) values[k] = v;
  }
  const bind = o.get('bind_address')?.value ?? o.get('bind-address')?.value;
  const listens: Listen[] =
    bind !== undefined ? [{ port: Number(o.get('port')?.value ?? 3306), host: bind, option: '[mysqld] bind-address' }] : [];
  return { file, kind: 'galera', values, listens };
}

/** keepalived.conf of another node: its VRRP instances (VRID, priority, VIPs). */
export function keepalivedPeer(file: string, text: string): PeerConf {
  const f = parseKeepalived(text);
  // each vrrp_script's own weight (0 when it has none: a failure puts the instance in FAULT)
  const scriptWeight = new Map<string, number>();
  for (const b of blocks(f.root, 'vrrp_script')) {
    const w = Number(value(b, 'weight')?.text ?? 0);
    if (b.header[1]) scriptWeight.set(b.header[1].text, Number.isFinite(w) ? w : 0);
  }
  const vrrp: VrrpInstance[] = instances(f).map((i) => {
    const state = value(i, 'state')?.text;
    const src = value(i, 'unicast_src_ip')?.text;
    const tracks = blocks(i, 'track_script').flatMap((t) =>
      t.statements.map((st) => {
        const at = st.words.findIndex((w) => w.text === 'weight');
        const own = at > 0 ? Number(st.words[at + 1]?.text) : NaN;
        return { name: st.words[0].text, weight: Number.isFinite(own) ? own : (scriptWeight.get(st.words[0].text) ?? 0) };
      }),
    );
    return {
      name: name(i),
      vrid: value(i, 'virtual_router_id')?.text,
      priority: value(i, 'priority')?.text,
      vips: vips(i)
        .map((v) => v.address)
        .sort(),
      span: (i.header[1] ?? i.header[0])?.span,
      ...(state ? { state } : {}),
      ...(stmt(i, 'nopreempt') ? { nopreempt: true } : {}),
      ...(src ? { unicastSrc: src } : {}),
      ...(tracks.length ? { trackScripts: tracks } : {}),
    };
  });
  return { file, kind: 'keepalived', vrrp };
}

/** A sysctl file of the workspace: whether it lets HAProxy bind a VIP the node does not hold. */
export function sysctlPeer(file: string, text: string): PeerConf {
  const s = readSysctl(text);
  const values: Record<string, string> = {};
  for (const k of ['net.ipv4.ip_nonlocal_bind', 'net.ipv6.ip_nonlocal_bind']) {
    const v = s.get(k);
    if (v !== undefined) values[k] = v;
  }
  return { file, kind: 'sysctl', values };
}

/** An xinetd service or systemd socket of the workspace that answers Galera health checks. */
export function clustercheckPeer(file: string, text: string): PeerConf {
  return { file, kind: 'clustercheck', endpoints: checkEndpoints(file, text) };
}

/** corosync.conf of a node: what every node of the cluster must write alike (name, crypto, nodelist). */
export function corosyncPeer(file: string, text: string): PeerConf {
  return { file, kind: 'corosync', corosync: corosyncFacts(parseCorosync(text)) };
}

/** haproxy.cfg of a load balancer: its proxies and the servers behind each (host:port), to compare across the LB nodes. */
export function haproxyPeer(file: string, text: string): PeerConf {
  return { file, kind: 'haproxy', proxies: proxyFacts(new HaView(parseHaproxy(text))) };
}

/** A Pacemaker configuration: its properties, nodes and fence devices, for the failure simulator. */
export function pacemakerPeer(file: string, text: string): PeerConf | undefined {
  const syntax = pacemakerSyntax(file, text);
  if (!syntax) return undefined;
  const m = syntax === 'cib' ? parseCib(text) : syntax === 'crm' ? parseCrm(text) : parsePcs(text);
  return { file, kind: 'pacemaker', pacemaker: pacemakerFacts(m) };
}
