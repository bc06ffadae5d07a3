import { test } from 'node:test';
import { checkPm } from '../support/fixture';
import { PACEMAKER_OTHERS as OTHERS, CIB, VIP_AND_HAPROXY, COLOCATED } from '../support/stack-files';

test('CIB: quorum ignored on its three nodes, STONITH on with no fence device', () =>
  checkPm(
    'cib',
    CIB(
      `        <nvpair id="opt-nqp" name="no-quorum-policy" value="ignore"/>
  #                                                           ^^^^^^ error quorum-ignored-multi-node: no-quorum-policy=ignore in a cluster of 3 nodes: the side of a split without quorum keeps running the same resources as the side with it`,
      VIP_AND_HAPROXY,
      COLOCATED,
    ).replace(
      '      <resources>\n',
      '      <resources>\n  #    ^^^^^^^^^ error stonith-enabled-without-devices: STONITH is enabled (the default) but none of the 2 resources is a fence device: Pacemaker will not start any resource; add a stonith resource per node (e.g. fence_ipmilan)\n',
    ),
    { config: OTHERS },
  ));
