/** What a rule's check sees in a host firewall (iptables, nftables, firewalld, ufw), whichever syntax wrote it: the context of `on: { firewall(ctx) { ... } }`. */
import { Report } from '../report';
import { FwModel } from '../../documents/firewall/model';
import { PeerConf, Topology } from '../../model/topology';

export interface FwRuleContext {
  model: FwModel;
  text: string;
  topology?: Topology;
  /** The workspace's other files: Galera option files and clustercheck endpoints, with `sameNode`. */
  peers: PeerConf[];
  report(r: Report): void;
}
