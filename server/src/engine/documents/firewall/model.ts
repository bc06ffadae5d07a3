/**
 * A host firewall, whichever way it is written (iptables-save rules, iptables / firewall-cmd / ufw
 * commands in a script, nftables, a firewalld zone), as the rules see it: is inbound traffic closed
 * by default, and which ports does it open to whom.
 */
import { Span } from '../../types';

export type FwSyntax = 'iptables-save' | 'script' | 'nftables' | 'firewalld-zone';
export type Proto = 'tcp' | 'udp';

export interface FwOpening {
  proto: Proto | 'any';
  /** Port ranges; empty = every port; undefined = ports the file names in a way we cannot read ($VAR, @set). */
  ports?: [number, number][];
  /** Source addresses or CIDRs; empty = from anywhere; a word that is not an address ($NODE, a host name) counts as unknown. */
  sources: string[];
  /** The rule or command as a whole: findings point here, a fix inserts after it. */
  span: Span;
  /** An earlier catch-all DROP/REJECT of the same chain: this rule is never reached. */
  shadowedBy?: Span;
  /** The same rule for another port and protocol, as the file writes it; undefined when it cannot be copied (loops). */
  clone?(port: number, proto: Proto): string;
  /** `ip6tables` opens IPv6 only, `iptables` IPv4 only; undefined: both (firewalld, ufw, nftables inet). */
  family?: Family;
}
export type Family = 'ipv4' | 'ipv6';

export interface FwModel {
  syntax: FwSyntax;
  /** Does the firewall drop what it does not open? (Scripts of firewall-cmd/ufw and iptables ACCEPT rules imply it.) */
  closed: boolean;
  /** Where it is closed, when the file says it (`:INPUT DROP`, `-A INPUT -j REJECT`, `policy drop;`, `<zone>`). */
  closedBy?: { span: Span; what: string };
  opens: FwOpening[];
  problems: { message: string; span: Span }[];
  /** The address family the whole file filters (rules.v6, an `ip6` nftables table); undefined: both or unknown. */
  family?: Family;
}

export function emptyFirewall(syntax: FwSyntax): FwModel {
  return { syntax, closed: false, opens: [], problems: [] };
}

/**
 * firewalld's predefined services that carry database ports (Debian firewalld 1.3.3,
 * /usr/lib/firewalld/services/*.xml); other services open nothing Galera needs.
 */
export const FIREWALLD_SERVICES: Record<string, [Proto, number][]> = {
  mysql: [['tcp', 3306]],
  galera: [
    ['tcp', 3306],
    ['tcp', 4567],
    ['tcp', 4568],
    ['tcp', 4444],
  ],
};
/** /etc/services names a rule may use instead of a number. */
const SERVICE_PORTS: Record<string, number> = { mysql: 3306 };

/**
 * `3306`, `4567:4568` (iptables), `4567-4568` (firewalld, nftables), `mysql`;
 * undefined when it is not a port (a variable).
 */
export function portRange(s: string): [number, number] | undefined {
  const m = /^(\d{1,5})(?:[:-](\d{1,5}))?$/.exec(s.trim());
  if (m) {
    const a = Number(m[1]),
      b = m[2] !== undefined ? Number(m[2]) : a;
    return a <= 65535 && b <= 65535 ? [Math.min(a, b), Math.max(a, b)] : undefined;
  }
  const named = SERVICE_PORTS[s.trim()];
  return named ? [named, named] : undefined;
}

/** A list of port specs (`3306,4444,4567:4568`); undefined when any item cannot be read. */
export function portList(s: string): [number, number][] | undefined {
  const out: [number, number][] = [];
  for (const item of s.split(/[,\s]+/).filter(Boolean)) {
    const r = portRange(item);
    if (!r) return undefined;
    out.push(r);
  }
  return out.length ? out : undefined;
}
