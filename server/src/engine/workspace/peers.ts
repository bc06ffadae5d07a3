/** The little a rule needs to know of another config file of the workspace. */
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
