import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkPm } from '../support/fixture';
import { lintPacemaker } from '../../server/src/engine/lint';
import { pacemakerSyntax } from '../../server/src/engine/documents/pacemaker/recognise';
import { PACEMAKER_OTHERS as OTHERS, pacemakerRulesOf as rulesOf, CIB, VIP_AND_HAPROXY, COLOCATED } from '../support/stack-files';

test("pcs: fencing off, quorum ignored on three nodes, a VIP without netmask away from HAProxy, cloned cinder-volume, the guide's password", () =>
  checkPm(
    'pcs',
    `
  pcs cluster setup openstack controller1 controller2 controller3
  pcs property set stonith-enabled=false no-quorum-policy=ignore
  #                                ^^^^^ error stonith-disabled-in-production: stonith-enabled=false in a production deployment: a node that stops answering may still write while its resources start elsewhere (the guide allows this for demos and tests only)
  #                                                       ^^^^^^ error quorum-ignored-multi-node: no-quorum-policy=ignore in a cluster of 3 nodes: the side of a split without quorum keeps running the same resources as the side with it
  pcs resource create vip ocf:heartbeat:IPaddr2 ip=10.0.0.11
  #                   ^^^ error pacemaker-vip-haproxy-colocation: VIP resource 'vip' has no colocation constraint with HAProxy ('lb-haproxy-clone'): Pacemaker may place it on a node where HAProxy is not running; add a colocation of lb-haproxy-clone with vip (and order vip before lb-haproxy-clone)
  #                   ^^^ warning pacemaker-vip-monitor: VIP resource 'vip' (10.0.0.11) has no cidr_netmask; the guide uses cidr_netmask and op monitor interval=30s
  pcs resource create lb-haproxy systemd:haproxy --clone
  pcs resource create cinder-volume systemd:openstack-cinder-volume op monitor interval=30s clone
  #                   ^^^^^^^^^^^^^ warning cinder-volume-single-active: resource 'cinder-volume' (systemd:openstack-cinder-volume) is cloned as 'cinder-volume-clone', so cinder-volume runs on every node at once; run a single primitive (active-passive) so that only one owns the storage backend
  echo my-secret-password-no-dont-use-this-one | passwd --stdin hacluster
  #    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error pacemaker-placeholder-secrets: this password is one of the HA guide's published examples: replace it with a secret of your own
`,
    { config: OTHERS },
  ));

test('CIB: Pacemaker 2.1.8+ calls the property fencing-enabled; off means no device is needed', () => {
  assert.deepEqual(rulesOf('cib', CIB('<nvpair id="f" name="fencing-enabled" value="false"/>', VIP_AND_HAPROXY, COLOCATED)), [
    'stonith-disabled-in-production: fencing-enabled=false in a production deployment: a node that stops answering may still write while its resources start elsewhere (the guide allows this for demos and tests only)',
  ]);
  assert.deepEqual(rulesOf('cib', CIB('<nvpair id="f" name="fencing-enabled" value="false"/>', VIP_AND_HAPROXY, COLOCATED), 'test'), []);
});

test('pcs commands run on a node through ssh are read at their place in the script', () => {
  const text =
    'NODE=ctl0\nssh $NODE "sudo pcs resource create vip ocf:heartbeat:IPaddr2 ip=10.0.0.11 cidr_netmask=24"\nssh $NODE "sudo pcs property set stonith-enabled=false"\n';
  const r = lintPacemaker(text, 'pcs');
  assert.deepEqual(
    r.pacemaker!.resources.map((x) => [x.id, text.slice(x.idSpan.start, x.idSpan.end)]),
    [['vip', 'vip']],
  );
  assert.deepEqual(
    r.findings.filter((f) => f.rule === 'stonith-disabled-in-production').map((f) => text.slice(f.span.start, f.span.end)),
    ['false'],
  );
  assert.equal(pacemakerSyntax('/x/install.bash', text), 'pcs');
});

test('the fix to turn fencing on is not offered where a whole CIB has no fence device: it would stop every resource', () => {
  const fixesOf = (resources: string) =>
    lintPacemaker(CIB('<nvpair id="f" name="stonith-enabled" value="false"/>', resources, COLOCATED), 'cib')
      .findings.filter((f) => f.rule === 'stonith-disabled-in-production')
      .map((f) => f.fixes.map((x) => `${x.title} safe=${x.safe}`));
  assert.deepEqual(fixesOf(VIP_AND_HAPROXY), [[]]);
  const FENCE = '<primitive id="fence1" class="stonith" type="fence_ipmilan"/>';
  assert.deepEqual(fixesOf(VIP_AND_HAPROXY + FENCE), [['Turn fencing on (configure fence devices first) safe=false']]);
});
