/** A rule over keepalived.conf. */
import { RuleMeta, Report } from '../rule';
import { KaFile } from '../../documents/keepalived/parse';
import { Topology } from '../../workspace/topology';

export interface KaRuleContext { file: KaFile; text: string; topology?: Topology; report(r: Report): void }
export interface KaRule { meta: RuleMeta; check(ctx: KaRuleContext): void }
