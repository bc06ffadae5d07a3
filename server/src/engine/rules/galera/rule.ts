/** A rule over a MariaDB/Galera option file. */
import { RuleMeta, Report } from '../rule';
import { CnfEntry, CnfFile } from '../../documents/galera/parse';
import { PeerConf, Topology } from '../../workspace/topology';

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
export interface CnfRule { meta: RuleMeta; check(ctx: CnfRuleContext): void }
