/** The .conf rules: oslo.config correctness first, then the HA guide's advice. */
import { ConfRule } from './rule';
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

export const CONF_RULES: readonly ConfRule[] = [
  unknownSection, unknownOption, optionInWrongSection, deprecatedOption, optionRemovalPending, invalidValue, valueTrailingComment,
  duplicateOption, osloOptionNameCase, rabbitAllHostsListed, rabbitQueueReplication, rabbitDurableQueues, rabbitHeartbeatEnabled,
  dbMaxRetriesInfinite, neutronDhcpAgentsPerNetwork, neutronL3Ha, rabbitNotBehindVip, dbConnectionViaVip, memcachedServersAllControllers,
  consumerRefsViaVip, cinderHostConsistentAp,
];
