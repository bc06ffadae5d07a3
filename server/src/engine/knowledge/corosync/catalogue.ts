/** corosync.conf key names (facts from Debian's corosync manual pages, see scripts/catalog/gen-corosync-keys.mjs). */
import CATALOGUE from './keys.json';

/**
 * Names the manual pages do not list as items but corosync reads: block names, the nodelist's
 * ringX_addr, the qdevice keys, and corosync 2's names (the guide's files use them; corosync 3
 * ignores most of them).
 */
const ALSO = [
  'interface',
  'node',
  'device',
  'net',
  'heuristics',
  'qdevice',
  'uidgid',
  'uid',
  'gid',
  'logger_subsys',
  'expected_votes',
  'votes',
  'quorum_votes',
  'model',
  'host',
  'port',
  'tls',
  'algorithm',
  'tie_breaker',
  'connect_timeout',
  'sync_timeout',
  'force_ip_version',
  'mode',
  'interval',
  'timeout',
  'knet_transport',
  'ringnumber',
  'rrp_mode',
  'vsftype',
  'threads',
  'rrp_problem_count_timeout',
  'rrp_problem_count_threshold',
  'rrp_problem_count_mcast_threshold',
  'rrp_token_expired_timeout',
  'rrp_autorecovery_check_timeout',
  'member',
  'memberaddr',
  'amf',
  'aisexec',
  'service',
  'ver',
  'use_mgmtd',
  'use_logd',
  'crypto_type',
  'cluster_name',
  'keyfile',
];

const KEYS = new Set([...CATALOGUE.keys, ...ALSO, ...Array.from({ length: 8 }, (_, i) => `ring${i}_addr`)]);
export const COROSYNC_SOURCE = CATALOGUE.source.replace(/ \(.*$/, '');
export const COROSYNC_KEYS: readonly string[] = [...KEYS];
export const isCorosyncKey = (k: string) => KEYS.has(k) || /^ring\d+_addr$/.test(k) || /^exec_\w+$/.test(k);

/** The values corosync accepts for a key, where it checks them (it refuses to start on another). */
export const COROSYNC_VALUES: Record<string, string[]> = {
  transport: ['knet', 'udp', 'udpu'],
  crypto_cipher: ['none', 'aes256', 'aes192', 'aes128'],
  crypto_hash: ['none', 'md5', 'sha1', 'sha256', 'sha384', 'sha512'],
  link_mode: ['passive', 'active', 'rr'],
};
