/** A rule over haproxy.cfg. */
import { RuleMeta, Report } from '../rule';
import { HaView } from '../../documents/haproxy/view';
import { Topology } from '../../workspace/topology';

export interface HaRuleContext { view: HaView; text: string; topology?: Topology; report(r: Report): void }
export interface HaRule { meta: RuleMeta; check(ctx: HaRuleContext): void }
