/** A rule over corosync.conf. */
import { RuleMeta, Report } from '../rule';
import { CoroFile } from '../../documents/corosync/parse';
import { Environment } from '../../types';

export interface CoroRuleContext { file: CoroFile; text: string; environment: Environment; report(r: Report): void }
export interface CoroRule { meta: RuleMeta; check(ctx: CoroRuleContext): void }
