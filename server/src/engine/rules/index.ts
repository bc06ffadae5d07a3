/** The registry: every rule, by id. Adding a rule = one file here + its test + its doc page. */
import { Rule, RuleMeta } from './rule';
import { CORE_RULES } from './core';
import { rule as addressConflict } from './address-conflict';
import { rule as apiSingleInstance } from './api-single-instance';
import { rule as cinderVolumeActiveActive } from './cinder-volume-active-active';
import { rule as clusterEvenNodeCount } from './cluster-even-node-count';
import { rule as clusterMinThreeNodes } from './cluster-min-three-nodes';
import { rule as failureDomainConcentration } from './failure-domain-concentration';
import { rule as galeraMultiWriter } from './galera-multi-writer';
import { rule as lbSinglePointOfFailure } from './lb-single-point-of-failure';
import { rule as networkPathRedundancy } from './network-path-redundancy';
import { rule as quorumIgnoredMultiNode } from './quorum-ignored-multi-node';
import { rule as serviceNotBehindBalancer } from './service-not-behind-balancer';
import { rule as sharedStorageBackend } from './shared-storage-backend';
import { rule as singleControllerHa } from './single-controller-ha';
import { rule as statefulServiceUnmanaged } from './stateful-service-unmanaged';
import { rule as stonithDisabled } from './stonith-disabled';
import { rule as twoNodeWithoutTwoNodeMode } from './two-node-without-two-node-mode';
import { rule as unknownReference } from './unknown-reference';
import { rule as vipMissing } from './vip-missing';
import { CONF_RULES } from './conf';
import { HAPROXY_RULES } from './haproxy';
import { COROSYNC_RULES } from './corosync';
import { KEEPALIVED_RULES } from './keepalived';
import { GALERA_RULES } from './galera';
import { PACEMAKER_RULES } from './pacemaker';
import { FIREWALL_RULES } from './firewall';

export const MANIFEST_RULES: readonly Rule[] = [
  clusterEvenNodeCount, clusterMinThreeNodes, statefulServiceUnmanaged, vipMissing, unknownReference, stonithDisabled,
  quorumIgnoredMultiNode, twoNodeWithoutTwoNodeMode, lbSinglePointOfFailure, serviceNotBehindBalancer, galeraMultiWriter,
  addressConflict, singleControllerHa, cinderVolumeActiveActive, apiSingleInstance, failureDomainConcentration,
  networkPathRedundancy, sharedStorageBackend,
];

/**
 * Every rule once. A rule checked in several kinds of file (cluster sizes on a corosync nodelist,
 * no-quorum-policy in Pacemaker) reuses the manifest rule's metadata object, so it is listed once;
 * two different rules claiming one id is a mistake, caught here at load.
 */
function registry(metas: RuleMeta[]): RuleMeta[] {
  const byId = new Map<string, RuleMeta>();
  for (const m of metas) {
    const had = byId.get(m.id);
    if (had && had !== m) throw new Error(`two rules have the id ${m.id}`);
    byId.set(m.id, m);
  }
  return [...byId.values()];
}

export const ALL_RULES: readonly RuleMeta[] = registry([...CORE_RULES, ...[MANIFEST_RULES, CONF_RULES, HAPROXY_RULES, COROSYNC_RULES, KEEPALIVED_RULES, GALERA_RULES, PACEMAKER_RULES, FIREWALL_RULES].flatMap((rules) => rules.map((r) => r.meta))]);
export { CONF_RULES, HAPROXY_RULES, COROSYNC_RULES, KEEPALIVED_RULES, GALERA_RULES, PACEMAKER_RULES, FIREWALL_RULES };

const BY_ID = new Map(ALL_RULES.map((r) => [r.id, r]));
export function ruleMeta(id: string): RuleMeta | undefined { return BY_ID.get(id); }
export function isRuleId(id: string): boolean { return BY_ID.has(id); }
