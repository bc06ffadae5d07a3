/**
 * What a rule's check sees in an OpenStack-Ansible deployment (openstack_user_config.yml,
 * conf.d/*.yml, user_variables*.yml): the whole deployment, checked once for all its files. A check
 * reports each finding in the file it is about (`file`); each file shows its own.
 */
import type { Report } from '../report';
import type { OsaDeployment } from '../../documents/osa/deployment';

export interface OsaRuleContext {
  deployment: OsaDeployment;
  report(r: Report & { file: string }): void;
}
