/** The keepalived.conf rules of the HA guide (section E). */
import { KaRule } from './rule';
import { rule as tracksHaproxy } from './keepalived-tracks-haproxy';
import { rule as vridPrioritySane } from './keepalived-vrid-priority-sane';
import { rule as partitionDuplicateVip } from './keepalived-partition-duplicate-vip';

export const KEEPALIVED_RULES: readonly KaRule[] = [tracksHaproxy, vridPrioritySane, partitionDuplicateVip];
