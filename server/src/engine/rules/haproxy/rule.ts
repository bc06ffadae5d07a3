/** What a rule's check sees in haproxy.cfg: the context of `on: { haproxy(ctx) { ... } }`. */
import { Report } from '../report';
import { HaView } from '../../documents/haproxy/view';
import { PeerConf, Topology } from '../../model/topology';

export interface HaRuleContext {
  view: HaView;
  text: string;
  topology?: Topology;
  /** Peer files of the workspace (sysctl files, other nodes' configs). */ peers: PeerConf[];
  report(r: Report): void;
}
