/** What a rule's check sees in an OpenStack service config file: the context of `on: { 'oslo-conf'(ctx) { ... } }`. */
import { Report } from '../report';
import { ConfView } from '../../documents/oslo-conf/context';
import { PeerConf, Topology } from '../../model/topology';

export interface ConfRuleContext {
  view: ConfView;
  text: string;
  /** The file's workspace path, when the host gives one (kolla's overrides are known by where they sit). */
  path?: string;
  /** Whether a rule is switched off, for rules that hand a case to a more specific one. */
  isOff(rule: string): boolean;
  /** The deployment, when a manifest or the configuration describes it. */
  topology?: Topology;
  /** The other config files of the workspace, for rules that compare nodes. */
  peers: PeerConf[];
  report(r: Report): void;
}
