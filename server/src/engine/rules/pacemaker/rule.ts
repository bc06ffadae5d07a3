/** A rule over a Pacemaker configuration (CIB XML, crm shell, pcs commands). */
import { RuleMeta, Report } from '../rule';
import { PmModel } from '../../documents/pacemaker/model';
import { Environment } from '../../types';

export interface PmRuleContext { model: PmModel; text: string; environment: Environment; report(r: Report): void }
export interface PmRule { meta: RuleMeta; check(ctx: PmRuleContext): void }

/** How the file would set a cluster property, in its own syntax (for messages and fixes). */
export function propertySyntax(ctx: PmRuleContext, name: string, value: string): string {
  if (ctx.model.syntax === 'pcs') return `pcs property set ${name}=${value}`;
  if (ctx.model.syntax === 'crm') return `property ${name}=${value}`;
  return `<nvpair name="${name}" value="${value}"/>`;
}
