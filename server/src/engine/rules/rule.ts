/**
 * What a rule is: its metadata and its check in each kind of file it reads, made with defineRule().
 * One file per rule id under rules/ (rules/index.ts says where).
 */
import { Environment } from '../types';
import type { ConfRuleContext } from './conf/rule';
import type { HaRuleContext } from './haproxy/rule';
import type { CoroRuleContext } from './corosync/rule';
import type { KaRuleContext } from './keepalived/rule';
import type { CnfRuleContext } from './galera/rule';
import type { PmRuleContext } from './pacemaker/rule';
import type { FwRuleContext } from './firewall/rule';
import type { KollaRuleContext } from './kolla/rule';
import type { OsaRuleContext } from './openstack-ansible/rule';

export { REAL_TOOLS } from '../types';
export type { RealTool, ToolVerdict } from '../types';
import { Manifest } from '../documents/manifest/model';

export type { RuleMeta, Report } from './report';
import type { Report, RuleMeta } from './report';

export interface RuleContext {
  manifest: Manifest;
  text: string;
  environment: Environment;
  report(r: Report): void;
}

/** What a check sees in each kind of file: the manifest's context is above, the others live in rules/<kind>/rule.ts. */
export interface RuleContexts {
  manifest: RuleContext;
  'oslo-conf': ConfRuleContext;
  haproxy: HaRuleContext;
  corosync: CoroRuleContext;
  keepalived: KaRuleContext;
  galera: CnfRuleContext;
  pacemaker: PmRuleContext;
  firewall: FwRuleContext;
  kolla: KollaRuleContext;
  'openstack-ansible': OsaRuleContext;
}

/** The kinds of file a rule can check. */
export type RuleKind = keyof RuleContexts;

/** A rule: its metadata, and its check in each kind of file it reads (a cross-kind rule has several). */
export interface DefinedRule {
  meta: RuleMeta;
  on: { [K in RuleKind]?: (ctx: RuleContexts[K]) => void };
}

/**
 * Makes a rule. One `on` entry for a rule over one kind of file; a rule that says the same thing in
 * several kinds (placeholder-value, cluster-min-three-nodes on a manifest and a corosync nodelist)
 * is one call with several, so it has one file, one id and one metadata object.
 */
export function defineRule(rule: DefinedRule): DefinedRule {
  if (!Object.values(rule.on).some(Boolean)) throw new Error(`rule ${rule.meta.id} checks no kind of file`);
  return rule;
}

/** One kind's check of a rule, as its language runs it (rulesFor in rules/index.ts derives these lists from the registry). */
export interface KindRule<K extends RuleKind> {
  meta: RuleMeta;
  check(ctx: RuleContexts[K]): void;
}
