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
import { COROSYNC_RULES, SHARED_IDS } from './corosync';
import { KEEPALIVED_RULES } from './keepalived';
import { GALERA_RULES } from './galera';
import { PACEMAKER_RULES, PM_SHARED_IDS } from './pacemaker';

export const MANIFEST_RULES: readonly Rule[] = [
  clusterEvenNodeCount, clusterMinThreeNodes, statefulServiceUnmanaged, vipMissing, unknownReference, stonithDisabled,
  quorumIgnoredMultiNode, twoNodeWithoutTwoNodeMode, lbSinglePointOfFailure, serviceNotBehindBalancer, galeraMultiWriter,
  addressConflict, singleControllerHa, cinderVolumeActiveActive, apiSingleInstance, failureDomainConcentration,
  networkPathRedundancy, sharedStorageBackend,
];

export const ALL_RULES: readonly RuleMeta[] = [...CORE_RULES, ...MANIFEST_RULES.map((r) => r.meta), ...CONF_RULES.map((r) => r.meta), ...HAPROXY_RULES.map((r) => r.meta),
  ...COROSYNC_RULES.filter((r) => !SHARED_IDS.has(r.meta.id)).map((r) => r.meta), ...KEEPALIVED_RULES.map((r) => r.meta),
  ...GALERA_RULES.map((r) => r.meta), ...PACEMAKER_RULES.filter((r) => !PM_SHARED_IDS.has(r.meta.id)).map((r) => r.meta)];
export { CONF_RULES, HAPROXY_RULES, COROSYNC_RULES, KEEPALIVED_RULES, GALERA_RULES, PACEMAKER_RULES };

const BY_ID = new Map(ALL_RULES.map((r) => [r.id, r]));
export function ruleMeta(id: string): RuleMeta | undefined { return BY_ID.get(id); }
export function isRuleId(id: string): boolean { return BY_ID.has(id); }
