/** The little a rule needs to know of another config file of the workspace. */
import { parseConf } from '../documents/oslo-conf/parse';
import { PeerConf } from './topology';

/** cinder.conf's [DEFAULT] host, read as oslo.config would (the last one wins). */
export function peerConf(file: string, kind: string, text: string): PeerConf {
  let host: string | undefined;
  for (const s of parseConf(text).sections) if (s.name === 'DEFAULT') for (const e of s.entries) if (e.key === 'host') host = e.value.trim();
  return { file, kind, host };
}
