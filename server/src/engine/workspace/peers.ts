/** The little a rule needs to know of another config file of the workspace. */
import { readSysctl } from '../documents/sysctl/sysctl';
import { parseKeepalived } from '../documents/keepalived/parse';
import { instances, name, value, vips } from '../documents/keepalived/queries';
import { parseConf } from '../documents/oslo-conf/parse';
import { PeerConf } from './topology';
import { parseCnf, serverOptions } from '../documents/galera/parse';

/** cinder.conf's [DEFAULT] host, read as oslo.config would (the last one wins). */
export function peerConf(file: string, kind: string, text: string): PeerConf {
  let host: string | undefined;
  for (const s of parseConf(text).sections) if (s.name === 'DEFAULT') for (const e of s.entries) if (e.key === 'host') host = e.value.trim();
  return { file, kind, host };
}

/** A Galera node's identity and cluster settings, from its option file. */
export function galeraPeer(file: string, text: string): PeerConf {
  const o = serverOptions(parseCnf(text));
  const values: Record<string, string> = {};
  for (const k of ['wsrep_cluster_name', 'wsrep_cluster_address', 'wsrep_node_name', 'wsrep_node_address']) { const v = o.get(k)?.value; if (v !== undefined) values[k] = v; }
  return { file, kind: 'galera', values };
}

/** One VRRP instance of another node's keepalived.conf, as the cross-node checks compare it. */
export interface KaPeerInstance { name: string; vrid?: string; priority?: string; vips: string[] }

/** keepalived.conf of another node: its VRRP instances (VRID, priority, VIPs). */
export function keepalivedPeer(file: string, text: string): PeerConf {
  const f = parseKeepalived(text);
  const list: KaPeerInstance[] = instances(f).map((i) => ({ name: name(i), vrid: value(i, 'virtual_router_id')?.text, priority: value(i, 'priority')?.text, vips: vips(i).map((v) => v.address).sort() }));
  return { file, kind: 'keepalived', values: { instances: JSON.stringify(list) } };
}
export const keepalivedInstances = (p: PeerConf): KaPeerInstance[] => (p.kind === 'keepalived' && p.values?.instances ? JSON.parse(p.values.instances) as KaPeerInstance[] : []);

/** A sysctl file of the workspace: whether it lets HAProxy bind a VIP the node does not hold. */
export function sysctlPeer(file: string, text: string): PeerConf {
  const s = readSysctl(text);
  const values: Record<string, string> = {};
  for (const k of ['net.ipv4.ip_nonlocal_bind', 'net.ipv6.ip_nonlocal_bind']) { const v = s.get(k); if (v !== undefined) values[k] = v; }
  return { file, kind: 'sysctl', values };
}
