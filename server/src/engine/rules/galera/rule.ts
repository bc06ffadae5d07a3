/** What a rule's check sees in a MariaDB/Galera option file: the context of `on: { galera(ctx) { ... } }`. */
import { Report } from '../report';
import { CnfEntry, CnfFile } from '../../documents/galera/parse';
import { PeerConf, Topology } from '../../model/topology';

export interface CnfRuleContext {
  file: CnfFile;
  text: string;
  /** The server's options (all server groups, the last one winning), by normalised name. */
  options: Map<string, CnfEntry>;
  topology?: Topology;
  /** The other Galera nodes' files of the workspace. */
  peers: PeerConf[];
  report(r: Report): void;
}
