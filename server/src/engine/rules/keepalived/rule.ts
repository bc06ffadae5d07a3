/** What a rule's check sees in keepalived.conf: the context of `on: { keepalived(ctx) { ... } }`. */
import { Report } from '../report';
import { KaFile } from '../../documents/keepalived/parse';
import { PeerConf, Topology } from '../../model/topology';

export interface KaRuleContext {
  file: KaFile;
  text: string;
  topology?: Topology;
  /** Other nodes' keepalived.conf (and other peer files) of the workspace. */ peers: PeerConf[];
  report(r: Report): void;
}
