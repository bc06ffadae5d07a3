import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkPm, dedent } from '../support/fixture';
import { applyEdits } from '../../server/src/engine/fixes';
import { lintPacemaker } from '../../server/src/engine/lint';
import { PACEMAKER_OTHERS as OTHERS, CIB } from '../support/stack-files';

test("crm: properties on one line, the old underscore spelling (refused by Pacemaker 2's schema, read as meant), a VIP tied to the HAProxy clone", () =>
  checkPm(
    'crm',
    `
  property stonith_enabled="false" no-quorum-policy="ignore"
  #        ^^^^^^^^^^^^^^^ error pacemaker-unknown-property: stonith_enabled is no longer a cluster property Pacemaker's schema takes: write it stonith-enabled; crm_verify, crmsh and pcs refuse the configuration
  #                         ^^^^^ error stonith-disabled-in-production: stonith_enabled=false in a production deployment: a node that stops answering may still write while its resources start elsewhere (the guide allows this for demos and tests only)
  #                                                  ^^^^^^ warning quorum-ignored-multi-node: no-quorum-policy=ignore in a production deployment: a partition without quorum keeps its resources; ignore was a two-node workaround, which corosync's two_node: 1 replaces
  primitive vip ocf:heartbeat:IPaddr2 params ip="10.0.0.11" cidr_netmask="24" op monitor interval="30s"
  primitive haproxy systemd:haproxy op monitor interval="1s"
  clone haproxy-clone haproxy
  colocation vip-with-haproxy inf: vip haproxy-clone
`,
    { config: OTHERS },
  ));

test("pacemaker-unknown-property: names and values against Pacemaker's metadata; pcs refuses unknown names, Pacemaker ignores them", () => {
  const found = (syntax: 'crm' | 'pcs' | 'cib', t: string) =>
    lintPacemaker(t, syntax)
      .findings.filter((f) => f.rule === 'pacemaker-unknown-property')
      .map((f) => `${f.severity}: ${f.message} [${t.slice(f.span.start, f.span.end)}]`);
  assert.deepEqual(
    found(
      'pcs',
      'pcs property set stonith-enabled=true no-quorum-policy=freeze cluster-recheck-interval=PT5M pe-warn-series-max=1000 placement-strategy=Balanced\n',
    ),
    [],
  );
  assert.deepEqual(
    found('pcs', 'pcs property set stonith-enabld=true\npcs property set my-own-flag=1\npcs property set other-flag=1 --force\n'),
    [
      'error: stonith-enabld is not a cluster property of Pacemaker 2.1.5-1+deb12u1 (did you mean stonith-enabled?): pcs refuses to set it [stonith-enabld]',
      'error: my-own-flag is not a cluster property of Pacemaker 2.1.5-1+deb12u1: pcs refuses to set it [my-own-flag]',
    ],
  );
  // in a CIB, an agent's own attribute is not reported; a near miss is
  assert.deepEqual(
    found(
      'cib',
      dedent(CIB('<nvpair id="a" name="redis_REPL_INFO" value="c1"/>\n<nvpair id="b" name="no-quorum-polcy" value="stop"/>', '')),
    ),
    [
      'warning: no-quorum-polcy is not a cluster property of Pacemaker 2.1.5-1+deb12u1 (did you mean no-quorum-policy?): Pacemaker ignores it and keeps the default [no-quorum-polcy]',
    ],
  );
  assert.deepEqual(
    found('crm', 'property no-quorum-policy=stopp stonith-enabled=maybe pe-input-series-max=lots cluster-recheck-interval=5minutes\n'),
    [
      'error: no-quorum-policy=stopp is not one of stop, freeze, ignore, demote, suicide: Pacemaker uses the default (stop) instead, and crm_verify reports the configuration as invalid [stopp]',
      'error: stonith-enabled=maybe is not true or false: Pacemaker uses the default (true) instead, and crm_verify reports the configuration as invalid [maybe]',
      'error: pe-input-series-max=lots is not a whole number: Pacemaker uses the default (4000) instead, and crm_verify reports the configuration as invalid [lots]',
      'warning: cluster-recheck-interval=5minutes is not an interval (30s, 5min, 1h): Pacemaker uses the default (15min) instead [5minutes]',
    ],
  );
  const t = 'property no-quorum-policy=stopp\n';
  assert.equal(
    applyEdits(t, lintPacemaker(t, 'crm').findings.find((f) => f.rule === 'pacemaker-unknown-property')!.fixes[0].edits),
    'property no-quorum-policy=stop\n',
  );
});

test('cluster properties Pacemaker 2.0 took out of crm_config: refused in crm and pcs files and in a CIB of schema 3, moved by the upgrade of an older CIB', () => {
  const found = (text: string, syntax: 'crm' | 'pcs' | 'cib') =>
    lintPacemaker(text, syntax)
      .findings.filter((f) => f.rule === 'pacemaker-unknown-property')
      .map((f) => `${f.severity}: ${f.message}`);
  assert.deepEqual(
    found('property cib-bootstrap-options: default-resource-stickiness=100 stonith_enabled=true cluster-infrastructure=cman\n', 'crm'),
    [
      "error: default-resource-stickiness is no longer a cluster property Pacemaker's schema takes: set resource-stickiness in rsc_defaults; crm_verify, crmsh and pcs refuse the configuration",
      "error: stonith_enabled is no longer a cluster property Pacemaker's schema takes: write it stonith-enabled; crm_verify, crmsh and pcs refuse the configuration",
      "error: cluster-infrastructure=cman is no longer a cluster property Pacemaker's schema takes: corosync is the only infrastructure now; drop it; crm_verify, crmsh and pcs refuse the configuration",
    ],
  );
  const cib = (schema: string) =>
    `<cib validate-with="${schema}" epoch="1" num_updates="0" admin_epoch="0">\n  <configuration>\n    <crm_config>\n      <cluster_property_set id="o">\n        <nvpair id="o-1" name="expected-quorum-votes" value="3"/>\n      </cluster_property_set>\n    </crm_config>\n    <nodes/>\n    <resources/>\n    <constraints/>\n  </configuration>\n</cib>\n`;
  assert.equal(found(cib('pacemaker-3.9'), 'cib').length, 1);
  assert.deepEqual(found(cib('pacemaker-1.2'), 'cib'), []);
  // a node attribute set through pcs property set --node is not a cluster property
  assert.deepEqual(found('pcs property set --node compute-0 osprole=compute\n', 'pcs'), []);
});
