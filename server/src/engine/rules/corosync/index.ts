/** The corosync.conf rules of the HA guide (section B), quorum sizes on the nodelist, and misspelt keys. */
import { CoroRule } from './rule';
import { corosyncRule as placeholderValue } from '../placeholder-value';
import { rule as tokenTimeoutLow } from './corosync-token-timeout-low';
import { rule as secauthOff } from './corosync-secauth-off';
import { rule as rrpModeRequired } from './corosync-rrp-mode-required';
import { rule as ringnumberUnique } from './corosync-ringnumber-unique';
import { rule as mcastaddrScope } from './corosync-mcastaddr-scope';
import { rule as broadcastExcludesMcastaddr } from './corosync-broadcast-excludes-mcastaddr';
import { rule as udpuNodelist } from './corosync-udpu-nodelist';
import { rule as votequorum } from './corosync-votequorum';
import { rule as waitForAll } from './corosync-wait-for-all';
import { rule as twoNodeConsistency } from './corosync-two-node-consistency';
import { rule as autoTieBreakerProduction } from './corosync-auto-tie-breaker-production';
import { evenRule, minThreeRule } from './cluster-size';
import { rule as unknownKey } from './corosync-unknown-key';

import { rule as nodelistDrift } from './corosync-nodelist-drift';
import { rule as confDiffers } from './corosync-conf-differs';

export const COROSYNC_RULES: readonly CoroRule[] = [
  unknownKey, placeholderValue, tokenTimeoutLow, secauthOff, rrpModeRequired, ringnumberUnique, mcastaddrScope, broadcastExcludesMcastaddr, udpuNodelist,
  votequorum, waitForAll, twoNodeConsistency, autoTieBreakerProduction, minThreeRule, evenRule, nodelistDrift, confDiffers,
];
