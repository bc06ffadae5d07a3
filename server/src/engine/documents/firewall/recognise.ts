/** Host firewall files, by name and content; templates (*.j2, *.erb) are never claimed. */
import { FwSyntax } from './model';

const TEMPLATE = /\.(j2|jinja2?|erb|tmpl|epp)$/;
/** A command line of a firewall tool, as scripts write it. */
export const FIREWALL_COMMAND = /^[ \t]*(sudo\s+)?(\S*\/)?(ip6?tables(-legacy|-nft)?|firewall-(offline-)?cmd|ufw)[ \t]+-?-?\w/m;

export function firewallSyntax(path: string, text: string): FwSyntax | undefined {
  const base = path.split(/[\\/]/).pop() ?? path;
  if (TEMPLATE.test(base)) return undefined;
  const head = text.slice(0, 16384);
  if (/^\*(filter|nat|mangle|raw|security)\s*$/m.test(head) && /^:[\w-]+ (ACCEPT|DROP|-) /m.test(head)) return 'iptables-save';
  if (
    /^nftables\.conf$|\.nft$/.test(base) &&
    /^[^\S\r\n\u2028\u2029]*(table\s+(inet|ip6?|arp|bridge|netdev)\s|flush\s+ruleset|#!\/usr\/s?bin\/nft)/m.test(head)
  )
    return 'nftables';
  if (/\.xml$/.test(base) && /<zone[\s>]/.test(head) && !/<cib[\s>]/.test(head)) return 'firewalld-zone';
  if ((/\.(sh|bash)$/.test(base) || /^#!.*\b(ba)?sh\b/.test(head)) && FIREWALL_COMMAND.test(head)) return 'script';
  return undefined;
}
