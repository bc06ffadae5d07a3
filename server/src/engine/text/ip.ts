/** IP address checks and a canonical form, so 10.0.0.1 and fe80::1 compare as addresses, not strings. */
export function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

function ipv6Groups(s: string): number[] | null {
  if (!/^[0-9a-fA-F:.]+$/.test(s) || s.split('::').length > 2) return null;
  let tail: number[] = [];
  let str = s;
  const lastColon = str.lastIndexOf(':');
  const maybeV4 = str.slice(lastColon + 1);
  if (maybeV4.includes('.')) {
    if (!isIPv4(maybeV4)) return null;
    const b = maybeV4.split('.').map(Number);
    tail = [(b[0] << 8) | b[1], (b[2] << 8) | b[3]];
    str = str.slice(0, lastColon + 1);
    if (!str.endsWith('::')) str = str.slice(0, -1);
  }
  const parse = (part: string) => (part === '' ? [] : part.split(':'));
  const halves = str.split('::');
  const head = parse(halves[0]);
  const rest = halves.length === 2 ? parse(halves[1]) : [];
  if ([...head, ...rest].some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return null;
  const given = head.length + rest.length + tail.length;
  if (halves.length === 1 && given !== 8) return null;
  if (halves.length === 2 && given > 7) return null;
  const zeros = new Array(8 - given).fill(0);
  return [...head.map((g) => parseInt(g, 16)), ...(halves.length === 2 ? zeros : []), ...rest.map((g) => parseInt(g, 16)), ...tail];
}

export function isIPv6(s: string): boolean {
  return ipv6Groups(s) !== null;
}
export function isIP(s: string): boolean {
  return isIPv4(s) || isIPv6(s);
}

/** A canonical text for comparing addresses; the input unchanged when it is not an address. */
export function canonicalIP(s: string): string {
  let c = CANONICAL.get(s);
  if (c === undefined) {
    const g = isIPv4(s) ? undefined : ipv6Groups(s);
    c = isIPv4(s) ? s.split('.').map(Number).join('.') : g ? g.map((x) => x.toString(16)).join(':') : s;
    // rules compare the same few addresses across every file of a deployment: remembered, within a bound
    if (CANONICAL.size > 50_000) CANONICAL.clear();
    CANONICAL.set(s, c);
  }
  return c;
}
const CANONICAL = new Map<string, string>();

/** The address as bits (32 for IPv4, 128 for IPv6), for prefix comparisons; undefined when it is not an address. */
export function ipBits(s: string): string | undefined {
  if (isIPv4(s))
    return s
      .split('.')
      .map((p) => Number(p).toString(2).padStart(8, '0'))
      .join('');
  const g = ipv6Groups(s);
  return g ? g.map((x) => x.toString(2).padStart(16, '0')).join('') : undefined;
}

/** `10.0.0.0/24`, `fd00::/64`. */
export function isCidr(s: string): boolean {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(s);
  const bits = m ? ipBits(m[1]) : undefined;
  return !!bits && Number(m![2]) <= bits.length;
}

/** Is `address` inside `range` (a CIDR or a single address)? */
export function cidrContains(range: string, address: string): boolean {
  const [net, len] = range.split('/');
  const a = ipBits(address),
    n = ipBits(net);
  if (!a || !n || a.length !== n.length) return false;
  const prefix = len === undefined ? n.length : Number(len);
  return a.slice(0, prefix) === n.slice(0, prefix);
}
