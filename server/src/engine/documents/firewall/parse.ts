/** A firewall file of any supported syntax -> the one model the rules read. */
import { shellCommands } from '../../text/shell';
import { emptyFirewall, FwModel, FwSyntax } from './model';
import { readIptablesSave } from './iptables';
import { parseFirewallScript } from './script';
import { parseNftables } from './nftables';
import { parseZone } from './zone';

/** `path`, when known, tells an ip6tables-save file (rules.v6, /etc/sysconfig/ip6tables) from an IPv4 one. */
export function parseFirewall(text: string, syntax: FwSyntax, path = ''): FwModel {
  switch (syntax) {
    case 'iptables-save': {
      const m = emptyFirewall('iptables-save');
      // the name says it (rules.v6, ip6tables); else ICMPv6 rules do
      m.family = /(^|[\\/])(rules\.v6|ip6tables[^\\/]*)$/.test(path)
        ? 'ipv6'
        : /(^|[\\/])(rules\.v4|iptables[^\\/]*)$/.test(path)
          ? 'ipv4'
          : /-p (ipv6-icmp|icmpv6)\b|icmp6-/.test(text)
            ? 'ipv6'
            : undefined;
      readIptablesSave(text, shellCommands(text), m);
      // ufw keeps its rules here; its own default (deny incoming) closes what they do not open
      if (/(^|[\\/])ufw[\\/]user6?\.rules$/.test(path) && !m.closed) {
        m.closed = true;
        m.closedBy = { span: { start: 0, end: 0 }, what: "ufw's default deny incoming" };
      }
      if (/user6\.rules$/.test(path)) m.family = 'ipv6';
      return m;
    }
    case 'script':
      return parseFirewallScript(text);
    case 'nftables':
      return parseNftables(text);
    case 'firewalld-zone':
      return parseZone(text);
  }
}
