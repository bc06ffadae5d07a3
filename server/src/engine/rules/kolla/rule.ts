/**
 * What a rule's check sees in a kolla-ansible file (globals.yml, globals.d, an inventory): the whole
 * deployment, and the file being checked. A check reports each finding in the file it is about
 * (`file`); the language keeps those of the file being checked, so each shows once, in its file.
 */
import type { Report } from '../report';
import type { KollaDeployment } from '../../documents/kolla/deployment';

export interface KollaRuleContext {
  deployment: KollaDeployment;
  /** The file being checked (its workspace path). */
  path: string;
  report(r: Report & { file: string }): void;
}
