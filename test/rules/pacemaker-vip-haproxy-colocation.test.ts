import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { pacemakerRulesOf as rulesOf, CIB, VIP_AND_HAPROXY, FENCE } from '../support/stack-files';

test('CIB: the colocation names the clone (one naming the primitive inside it Pacemaker ignores); without it the VIP is reported', () => {
  const reverse = '<rsc_colocation id="col" rsc="vip" with-rsc="lb-haproxy" score="INFINITY"/>';
  assert.deepEqual(rulesOf('cib', CIB('', VIP_AND_HAPROXY + FENCE, reverse)), [
    'parse-error: with-rsc="lb-haproxy" names a resource inside clone \'lb-haproxy-clone\': constraints must name the clone, and Pacemaker ignores this one (crm_verify: not a valid resource)',
  ]);
  assert.deepEqual(
    rulesOf('cib', CIB('', VIP_AND_HAPROXY + FENCE)).map((x) => x.split(':')[0]),
    ['pacemaker-vip-haproxy-colocation'],
  );
});
