/**
 * What a rule's check sees in an OpenStack-Ansible file (openstack_user_config.yml, conf.d/*.yml,
 * user_variables*.yml): the whole deployment, and the file being checked. A check reports each
 * finding in the file it is about (`file`); the language keeps those of the file being checked, so
 * each shows once, in its file.
 */
import type { Report } from '../report';
import type { OsaDeployment } from '../../documents/osa/deployment';

export interface OsaRuleContext {
  deployment: OsaDeployment;
  /** The file being checked (its workspace path). */
  path: string;
  report(r: Report & { file: string }): void;
}
