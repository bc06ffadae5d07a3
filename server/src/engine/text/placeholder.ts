/**
 * Values left as a sample file wrote them: `<Virtual IP>`, `<NODE1_IP_ADDRESS>`, `192.168.1.22X`,
 * `x.x.x.x`, `CONTROLLER_IP`, `INTERFACE_NAME`, `0.0.0.0:OCTAVIA_PORT`. None of them is an address or an interface a daemon
 * can use, and every daemon refuses one (HAProxy at the bind, keepalived for a missing interface,
 * corosync and mariadbd when the name does not resolve). Kept narrow on purpose: a real hostname in
 * capitals (`CTL1`) is not a placeholder.
 */

/** Words that say what a placeholder stands for. */
const MEANING =
  /(IP|ADDR|ADDRESS|HOST|HOSTNAME|VIP|NODE|SERVER|CONTROLLER|INTERFACE|IFACE|NIC|DEVICE|DEV|NETWORK|NET|SUBNET|CIDR|PEER|MASTER|BACKUP|PORT|YOUR|CHANGE|REPLACE)/;

/** Why `value` is a placeholder (for the message), or undefined when it is not one. */
export function placeholderOf(value: string): string | undefined {
  const v = value.trim();
  if (!v) return undefined;
  if (/<[^<>]*>|^<|>$|‹|›/.test(v)) return 'text in angle brackets';
  // dotted quads with letters standing for digits: 192.168.1.22X, 10.0.0.x, x.x.x.x
  const quad = /^(?:\d{1,3}|[xX*#?]+|\d{1,3}[xX]+|[xX]+\d{1,3})(?:\.(?:\d{1,3}|[xX*#?]+|\d{1,3}[xX]+|[xX]+\d{1,3})){3}(?::\d+)?(?:\/\d+)?$/;
  if (quad.test(v) && /[xX*#?]/.test(v)) return 'an address with letters where digits belong';
  // CONTROLLER_IP, NODE1_IP_ADDRESS, MGMT_INTERFACE, %VIP%, @HOST@; in host:port, either part (0.0.0.0:OCTAVIA_PORT)
  const hostPort = /^(.*):([^:]+)$/.exec(v);
  for (const part of hostPort && !v.includes('::') ? [v, hostPort[1], hostPort[2]] : [v]) {
    const word = part.replace(/^[%@]\{?|[}%@]$/g, '').replace(/:\d+$/, '');
    if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(word) && MEANING.test(word)) return 'a name in capitals that stands for a value';
    if (/^(CHANGE_?ME|REPLACE_?ME|TODO|FIXME|XXX+)$/i.test(word)) return 'a word that asks to be replaced';
  }
  return undefined;
}
