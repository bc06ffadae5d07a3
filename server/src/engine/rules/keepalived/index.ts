/** The keepalived.conf rules of the HA guide (section E), and what keepalived -t rejects. */
import { KaRule } from './rule';
import { rule as authPassTruncated } from './keepalived-auth-pass-truncated';
import { keepalivedRule as placeholderValue } from '../placeholder-value';
import { rule as tracksHaproxy } from './keepalived-tracks-haproxy';
import { rule as vridPrioritySane } from './keepalived-vrid-priority-sane';
import { rule as partitionDuplicateVip } from './keepalived-partition-duplicate-vip';
import { rule as unknownKeyword } from './keepalived-unknown-keyword';

import { rule as vipDrift } from './keepalived-vip-drift';

export const KEEPALIVED_RULES: readonly KaRule[] = [unknownKeyword, placeholderValue, tracksHaproxy, vridPrioritySane, partitionDuplicateVip, authPassTruncated, vipDrift];
