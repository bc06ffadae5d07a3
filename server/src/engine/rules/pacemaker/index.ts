/** The Pacemaker rules of the HA guide (section C), plus the manifest's fencing, quorum and cinder-volume rules on the real configuration. */
import { PmRule } from './rule';
import { rule as stonithDisabled } from './stonith-disabled';
import { rule as quorumIgnored } from './quorum-ignored';
import { rule as cinderVolume } from './cinder-volume';
import { rule as stonithWithoutDevices } from './pacemaker-stonith-without-devices';
import { rule as vipMonitor } from './pacemaker-vip-monitor';
import { rule as resourceMonitorOp } from './pacemaker-resource-monitor-op';
import { rule as vipHaproxyColocation } from './pacemaker-vip-haproxy-colocation';
import { rule as placeholderSecrets } from './pacemaker-placeholder-secrets';

export const PACEMAKER_RULES: readonly PmRule[] = [
  stonithDisabled, quorumIgnored, cinderVolume, stonithWithoutDevices, vipMonitor, resourceMonitorOp, vipHaproxyColocation, placeholderSecrets,
];
/** Rules whose ids are the manifest's (their metadata is registered once). */
export const PM_SHARED_IDS = new Set([stonithDisabled.meta.id, quorumIgnored.meta.id, cinderVolume.meta.id]);
