/** The rules over host firewalls. */
import { FwRule } from './rule';
import { rule as galeraFirewallPorts } from './galera-firewall-ports';

export const FIREWALL_RULES: readonly FwRule[] = [galeraFirewallPorts];
