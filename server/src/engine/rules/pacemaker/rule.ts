/** What a rule's check sees in a Pacemaker configuration (CIB XML, crm shell, pcs commands): the context of `on: { pacemaker(ctx) { ... } }`. */
import { Report } from '../report';
import { PmModel } from '../../documents/pacemaker/model';
import { Environment } from '../../types';

export interface PmRuleContext {
  model: PmModel;
  text: string;
  environment: Environment;
  report(r: Report): void;
}
