/**
 * What a rule's check sees in a kolla-ansible deployment (globals.yml, globals.d, the inventories,
 * group_vars and host_vars): the whole deployment, checked once for all its files. A check reports
 * each finding in the file it is about (`file`); each file shows its own.
 */
import type { Report } from '../report';
import type { KollaDeployment } from '../../documents/kolla/deployment';

export interface KollaRuleContext {
  deployment: KollaDeployment;
  report(r: Report & { file: string }): void;
}
