/** A rule over a host firewall (iptables, nftables, firewalld, ufw), whichever syntax wrote it. */
import { RuleMeta, Report } from '../rule';
import { FwModel } from '../../documents/firewall/model';
import { PeerConf, Topology } from '../../workspace/topology';

export interface FwRuleContext {
  model: FwModel;
  text: string;
  topology?: Topology;
  /** The workspace's other files: Galera option files and clustercheck endpoints, with `sameNode`. */
  peers: PeerConf[];
  report(r: Report): void;
}
export interface FwRule { meta: RuleMeta; check(ctx: FwRuleContext): void }
