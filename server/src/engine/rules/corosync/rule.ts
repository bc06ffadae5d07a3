/** What a rule's check sees in corosync.conf: the context of `on: { corosync(ctx) { ... } }`. */
import { Report } from '../report';
import { CoroFile } from '../../documents/corosync/parse';
import { Environment } from '../../types';
import { PeerConf, Topology } from '../../model/topology';

export interface CoroRuleContext {
  file: CoroFile;
  text: string;
  environment: Environment;
  /** The corosync major version the file is for (3 unless .openstack-ha.yaml says `corosync: 2`). */
  version: 2 | 3;
  /** The deployment, when a manifest describes it. */
  topology?: Topology;
  /** The other corosync.conf files (and stack files) of the deployment. */
  peers: PeerConf[];
  report(r: Report): void;
}
