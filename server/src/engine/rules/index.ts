/**
 * The registry: every rule once. Where things live (flat: the file name is the rule id, whatever
 * kinds of file the rule reads):
 *
 *   rules/<rule-id>.ts     one rule: defineRule({ meta, on: { <kind>(ctx) { ... } } }); a cross-kind rule
 *                          (placeholder-value, address-conflict, ...) is one file with several `on` checks
 *   rules/rule.ts          defineRule, RuleMeta, Report, the manifest's context, the kinds a rule can check
 *   rules/<kind>/rule.ts   the context a check sees in that kind of file; <kind>/support.ts what its checks share
 *   rules/support/         what the manifest checks share (quorum.ts: voting groups)
 *   rules/templates/       one check with parameters that several rules are (each says which rules use it)
 *   rules/core.ts          metadata of the rules the parsers and the schema report (parse-error, schema-*, ...)
 *
 * test/rules/<rule-id>.test.ts tests a rule and docs/rules/<rule-id>.md documents it. Adding a rule: its file,
 * its import and its place in RULES below, its test and its page (test/rules/index.test.ts fails until all are there).
 */
import { DefinedRule, KindRule, RuleKind, RuleMeta } from './rule';
import { CORE_RULES } from './core';
import { rule as clusterEvenNodeCount } from './cluster-even-node-count';
import { rule as clusterMinThreeNodes } from './cluster-min-three-nodes';
import { rule as statefulServiceUnmanaged } from './stateful-service-unmanaged';
import { rule as vipMissing } from './vip-missing';
import { rule as unknownReference } from './unknown-reference';
import { rule as stonithDisabled } from './stonith-disabled';
import { rule as quorumIgnoredMultiNode } from './quorum-ignored-multi-node';
import { rule as twoNodeWithoutTwoNodeMode } from './two-node-without-two-node-mode';
import { rule as lbSinglePointOfFailure } from './lb-single-point-of-failure';
import { rule as serviceNotBehindBalancer } from './service-not-behind-balancer';
import { rule as galeraMultiWriter } from './galera-multi-writer';
import { rule as addressConflict } from './address-conflict';
import { rule as singleControllerHa } from './single-controller-ha';
import { rule as cinderVolumeActiveActive } from './cinder-volume-active-active';
import { rule as apiSingleInstance } from './api-single-instance';
import { rule as failureDomainConcentration } from './failure-domain-concentration';
import { rule as failureDomainLoss } from './failure-domain-loss';
import { rule as networkPathRedundancy } from './network-path-redundancy';
import { rule as sharedStorageBackend } from './shared-storage-backend';
import { rule as unknownSection } from './unknown-section';
import { rule as unknownOption } from './unknown-option';
import { rule as optionInWrongSection } from './option-in-wrong-section';
import { rule as deprecatedOption } from './deprecated-option';
import { rule as optionRemovalPending } from './option-removal-pending';
import { rule as invalidValue } from './invalid-value';
import { rule as valueTrailingComment } from './value-trailing-comment';
import { rule as duplicateOption } from './duplicate-option';
import { rule as osloOptionNameCase } from './oslo-option-name-case';
import { rule as rabbitAllHostsListed } from './rabbit-all-hosts-listed';
import { rule as rabbitQueueReplication } from './rabbit-queue-replication';
import { rule as rabbitDurableQueues } from './rabbit-durable-queues';
import { rule as rabbitHeartbeatEnabled } from './rabbit-heartbeat-enabled';
import { rule as dbMaxRetriesInfinite } from './db-max-retries-infinite';
import { rule as neutronDhcpAgentsPerNetwork } from './neutron-dhcp-agents-per-network';
import { rule as neutronL3Ha } from './neutron-l3-ha';
import { rule as rabbitNotBehindVip } from './rabbit-not-behind-vip';
import { rule as dbConnectionViaVip } from './db-connection-via-vip';
import { rule as memcachedServersAllControllers } from './memcached-servers-all-controllers';
import { rule as consumerRefsViaVip } from './consumer-refs-via-vip';
import { rule as cinderHostConsistentAp } from './cinder-host-consistent-ap';
import { rule as haproxyUnknownKeyword } from './haproxy-unknown-keyword';
import { rule as placeholderValue } from './placeholder-value';
import { rule as haproxyBindVip } from './haproxy-bind-vip';
import { rule as haproxyServerHealthCheck } from './haproxy-server-health-check';
import { rule as haproxyHttpApiHttpchk } from './haproxy-http-api-httpchk';
import { rule as haproxyGaleraSingleWriter } from './haproxy-galera-single-writer';
import { rule as haproxyGaleraNoRoundrobin } from './haproxy-galera-no-roundrobin';
import { rule as haproxyGaleraCheckMismatch } from './haproxy-galera-check-mismatch';
import { rule as haproxyDefaultsTimeouts } from './haproxy-defaults-timeouts';
import { rule as haproxyNoAmqpOrMemcached } from './haproxy-no-amqp-or-memcached';
import { rule as haproxyBackendAllControllers } from './haproxy-backend-all-controllers';
import { rule as haproxyServicePortCollision } from './haproxy-service-port-collision';
import { rule as sysctlNonlocalBind } from './sysctl-nonlocal-bind';
import { rule as galeraClustercheckEndpoint } from './galera-clustercheck-endpoint';
import { rule as haproxyCookieDuplicate } from './haproxy-cookie-duplicate';
import { rule as haproxyBackendsDiffer } from './haproxy-backends-differ';
import { rule as corosyncUnknownKey } from './corosync-unknown-key';
import { rule as corosyncTokenTimeoutLow } from './corosync-token-timeout-low';
import { rule as corosyncSecauthOff } from './corosync-secauth-off';
import { rule as corosyncRrpModeRequired } from './corosync-rrp-mode-required';
import { rule as corosyncRingnumberUnique } from './corosync-ringnumber-unique';
import { rule as corosyncMcastaddrScope } from './corosync-mcastaddr-scope';
import { rule as corosyncBroadcastExcludesMcastaddr } from './corosync-broadcast-excludes-mcastaddr';
import { rule as corosyncUdpuNodelist } from './corosync-udpu-nodelist';
import { rule as corosyncVotequorum } from './corosync-votequorum';
import { rule as corosyncWaitForAll } from './corosync-wait-for-all';
import { rule as corosyncTwoNodeConsistency } from './corosync-two-node-consistency';
import { rule as corosyncAutoTieBreakerProduction } from './corosync-auto-tie-breaker-production';
import { rule as corosyncNodelistDrift } from './corosync-nodelist-drift';
import { rule as corosyncConfDiffers } from './corosync-conf-differs';
import { rule as keepalivedUnknownKeyword } from './keepalived-unknown-keyword';
import { rule as keepalivedTracksHaproxy } from './keepalived-tracks-haproxy';
import { rule as keepalivedVridPrioritySane } from './keepalived-vrid-priority-sane';
import { rule as keepalivedPartitionDuplicateVip } from './keepalived-partition-duplicate-vip';
import { rule as keepalivedAuthPassTruncated } from './keepalived-auth-pass-truncated';
import { rule as keepalivedVipDrift } from './keepalived-vip-drift';
import { rule as galeraBinlogFormatRow } from './galera-binlog-format-row';
import { rule as galeraDefaultStorageEngineInnodb } from './galera-default-storage-engine-innodb';
import { rule as galeraInnodbAutoincLockMode2 } from './galera-innodb-autoinc-lock-mode-2';
import { rule as galeraWsrepProvider } from './galera-wsrep-provider';
import { rule as galeraClusterNameConsistent } from './galera-cluster-name-consistent';
import { rule as galeraClusterAddressComplete } from './galera-cluster-address-complete';
import { rule as galeraNodeIdentity } from './galera-node-identity';
import { rule as galeraBindAddress } from './galera-bind-address';
import { rule as galeraFlushLogDurability } from './galera-flush-log-durability';
import { rule as galeraSstAuth } from './galera-sst-auth';
import { rule as mariadbUnknownOption } from './mariadb-unknown-option';
import { rule as mariadbInvalidValue } from './mariadb-invalid-value';
import { rule as stonithDisabledInProduction } from './stonith-disabled-in-production';
import { rule as stonithEnabledWithoutDevices } from './stonith-enabled-without-devices';
import { rule as pacemakerVipHaproxyColocation } from './pacemaker-vip-haproxy-colocation';
import { rule as pacemakerVipMonitor } from './pacemaker-vip-monitor';
import { rule as pacemakerResourceMonitorOp } from './pacemaker-resource-monitor-op';
import { rule as cinderVolumeSingleActive } from './cinder-volume-single-active';
import { rule as pacemakerPlaceholderSecrets } from './pacemaker-placeholder-secrets';
import { rule as pacemakerRecheckInterval } from './pacemaker-recheck-interval';
import { rule as pacemakerUnknownProperty } from './pacemaker-unknown-property';
import { rule as pacemakerVipServiceAddress } from './pacemaker-vip-service-address';
import { rule as galeraFirewallPorts } from './galera-firewall-ports';
import { rule as kollaKeepalivedRouterId } from './kolla-keepalived-router-id';
import { rule as kollaLoadbalancerGroup } from './kolla-loadbalancer-group';
import { rule as kollaComputeInControlPlane } from './kolla-compute-in-control-plane';
import { rule as kollaRemovedVariable } from './kolla-removed-variable';
import { rule as kollaRabbitmqPartitionHandling } from './kolla-rabbitmq-partition-handling';
import { rule as osaSingleLoadBalancer } from './osa-single-load-balancer';
import { rule as osaDuplicateHostIp } from './osa-duplicate-host-ip';
import { rule as osaVipNetwork } from './osa-vip-network';
import { rule as osaFqdnVipWithoutCidr } from './osa-fqdn-vip-without-cidr';
import { rule as osaHostOutsideManagement } from './osa-host-outside-management';
import { rule as kollaOverrideUndoesHa } from './kolla-override-undoes-ha';
import { rule as osaConfOverrideUndoesHa } from './osa-conf-override-undoes-ha';

/** Every rule once, in the order of the README's table (the core rules of core.ts come before them). */
export const RULES: readonly DefinedRule[] = [
  clusterEvenNodeCount,
  clusterMinThreeNodes,
  statefulServiceUnmanaged,
  vipMissing,
  unknownReference,
  stonithDisabled,
  quorumIgnoredMultiNode,
  twoNodeWithoutTwoNodeMode,
  lbSinglePointOfFailure,
  serviceNotBehindBalancer,
  galeraMultiWriter,
  addressConflict,
  singleControllerHa,
  cinderVolumeActiveActive,
  apiSingleInstance,
  failureDomainConcentration,
  failureDomainLoss,
  networkPathRedundancy,
  sharedStorageBackend,
  unknownSection,
  unknownOption,
  optionInWrongSection,
  deprecatedOption,
  optionRemovalPending,
  invalidValue,
  valueTrailingComment,
  duplicateOption,
  osloOptionNameCase,
  rabbitAllHostsListed,
  rabbitQueueReplication,
  rabbitDurableQueues,
  rabbitHeartbeatEnabled,
  dbMaxRetriesInfinite,
  neutronDhcpAgentsPerNetwork,
  neutronL3Ha,
  rabbitNotBehindVip,
  dbConnectionViaVip,
  memcachedServersAllControllers,
  consumerRefsViaVip,
  cinderHostConsistentAp,
  haproxyUnknownKeyword,
  placeholderValue,
  haproxyBindVip,
  haproxyServerHealthCheck,
  haproxyHttpApiHttpchk,
  haproxyGaleraSingleWriter,
  haproxyGaleraNoRoundrobin,
  haproxyGaleraCheckMismatch,
  haproxyDefaultsTimeouts,
  haproxyNoAmqpOrMemcached,
  haproxyBackendAllControllers,
  haproxyServicePortCollision,
  sysctlNonlocalBind,
  galeraClustercheckEndpoint,
  haproxyCookieDuplicate,
  haproxyBackendsDiffer,
  corosyncUnknownKey,
  corosyncTokenTimeoutLow,
  corosyncSecauthOff,
  corosyncRrpModeRequired,
  corosyncRingnumberUnique,
  corosyncMcastaddrScope,
  corosyncBroadcastExcludesMcastaddr,
  corosyncUdpuNodelist,
  corosyncVotequorum,
  corosyncWaitForAll,
  corosyncTwoNodeConsistency,
  corosyncAutoTieBreakerProduction,
  corosyncNodelistDrift,
  corosyncConfDiffers,
  keepalivedUnknownKeyword,
  keepalivedTracksHaproxy,
  keepalivedVridPrioritySane,
  keepalivedPartitionDuplicateVip,
  keepalivedAuthPassTruncated,
  keepalivedVipDrift,
  galeraBinlogFormatRow,
  galeraDefaultStorageEngineInnodb,
  galeraInnodbAutoincLockMode2,
  galeraWsrepProvider,
  galeraClusterNameConsistent,
  galeraClusterAddressComplete,
  galeraNodeIdentity,
  galeraBindAddress,
  galeraFlushLogDurability,
  galeraSstAuth,
  mariadbUnknownOption,
  mariadbInvalidValue,
  stonithDisabledInProduction,
  stonithEnabledWithoutDevices,
  pacemakerVipHaproxyColocation,
  pacemakerVipMonitor,
  pacemakerResourceMonitorOp,
  cinderVolumeSingleActive,
  pacemakerPlaceholderSecrets,
  pacemakerRecheckInterval,
  pacemakerUnknownProperty,
  pacemakerVipServiceAddress,
  galeraFirewallPorts,
  kollaLoadbalancerGroup,
  kollaKeepalivedRouterId,
  kollaComputeInControlPlane,
  kollaRemovedVariable,
  kollaRabbitmqPartitionHandling,
  osaSingleLoadBalancer,
  osaDuplicateHostIp,
  osaVipNetwork,
  osaFqdnVipWithoutCidr,
  osaHostOutsideManagement,
  kollaOverrideUndoesHa,
  osaConfOverrideUndoesHa,
];

/** Two rules claiming one id is a mistake, caught here at load. */
function registry(metas: RuleMeta[]): RuleMeta[] {
  const byId = new Map<string, RuleMeta>();
  for (const m of metas) {
    if (byId.has(m.id)) throw new Error(`two rules have the id ${m.id}`);
    byId.set(m.id, m);
  }
  return [...byId.values()];
}

export const ALL_RULES: readonly RuleMeta[] = registry([...CORE_RULES, ...RULES.map((r) => r.meta)]);

/** The rules with a check for `kind`, as its language runs them (languages/<kind>.ts): each rule's metadata with its check there. */
export function rulesFor<K extends RuleKind>(kind: K): readonly KindRule<K>[] {
  return RULES.flatMap((r) => {
    const check = r.on[kind];
    return check ? [{ meta: r.meta, check }] : [];
  });
}

const BY_ID = new Map(ALL_RULES.map((r) => [r.id, r]));
export function ruleMeta(id: string): RuleMeta | undefined {
  return BY_ID.get(id);
}
export function isRuleId(id: string): boolean {
  return BY_ID.has(id);
}

/**
 * The kinds of file each rule checks, by id, for tooling (`openstack-ha rules --format json`): a
 * rule's `on` entries; the core rules (parse errors, suppressions, limits) apply to every kind.
 */
export function ruleKinds(id: string): string[] | 'all' {
  const r = RULES.find((x) => x.meta.id === id);
  return r ? Object.keys(r.on).filter((k) => r.on[k as RuleKind]) : 'all';
}
