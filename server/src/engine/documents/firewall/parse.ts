/** A firewall file of any supported syntax -> the one model the rules read. */
import { shellCommands } from '../../text/shell';
import { emptyFirewall, FwModel, FwSyntax } from './model';
import { readIptablesSave } from './iptables';
import { parseFirewallScript } from './script';
import { parseNftables } from './nftables';
import { parseZone } from './zone';

export function parseFirewall(text: string, syntax: FwSyntax): FwModel {
  switch (syntax) {
    case 'iptables-save': { const m = emptyFirewall('iptables-save'); readIptablesSave(text, shellCommands(text), m); return m; }
    case 'script': return parseFirewallScript(text);
    case 'nftables': return parseNftables(text);
    case 'firewalld-zone': return parseZone(text);
  }
}
