/** A rule over a Pacemaker configuration (CIB XML, crm shell, pcs commands). */
import { RuleMeta, Report } from '../rule';
import { PmModel } from '../../documents/pacemaker/model';
import { Environment } from '../../types';

export interface PmRuleContext { model: PmModel; text: string; environment: Environment; report(r: Report): void }
export interface PmRule { meta: RuleMeta; check(ctx: PmRuleContext): void }
