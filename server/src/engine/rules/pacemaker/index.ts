/** The Pacemaker rules of the HA guide (section C and the fencing and quorum rules of section A). */
import { PmRule } from './rule';
import { rule as vipServiceAddress } from './pacemaker-vip-service-address';
import { rule as addressConflict } from './address-conflict';
import { pacemakerRule as placeholderValue } from '../placeholder-value';
import { rule as stonithDisabledInProduction } from './stonith-disabled-in-production';
import { rule as stonithEnabledWithoutDevices } from './stonith-enabled-without-devices';
import { rule as quorumIgnored } from './quorum-ignored';
import { rule as vipHaproxyColocation } from './pacemaker-vip-haproxy-colocation';
import { rule as vipMonitor } from './pacemaker-vip-monitor';
import { rule as resourceMonitorOp } from './pacemaker-resource-monitor-op';
import { rule as cinderVolumeSingleActive } from './cinder-volume-single-active';
import { rule as placeholderSecrets } from './pacemaker-placeholder-secrets';
import { rule as recheckInterval } from './pacemaker-recheck-interval';
import { rule as unknownProperty } from './pacemaker-unknown-property';

export const PACEMAKER_RULES: readonly PmRule[] = [
  stonithDisabledInProduction, stonithEnabledWithoutDevices, quorumIgnored, vipHaproxyColocation, vipMonitor, resourceMonitorOp,
  cinderVolumeSingleActive, placeholderSecrets, recheckInterval, unknownProperty, placeholderValue, vipServiceAddress, addressConflict,
];
