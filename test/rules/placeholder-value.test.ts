/** placeholder-value in each kind of file it reads (haproxy.cfg: test/rules/parse-error.test.ts; Pacemaker: address-conflict.test.ts). */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCoro } from '../support/fixture';
import { lintKeepalived, lintCnf } from '../../server/src/engine/lint';
import { KEEPALIVED_SOUND as SOUND, GALERA_NODE as NODE } from '../support/stack-files';

const at = (text: string, f: { span: { start: number; end: number } }) => text.slice(f.span.start, f.span.end);
const rules = (text: string, opts = {}) =>
  lintCnf(text, undefined, opts).findings.map((f) => `${f.rule} ${f.severity}: ${f.message} [${text.slice(f.span.start, f.span.end)}]`);

test('placeholders from a sample in ring addresses', () =>
  checkCoro(
    `
  nodelist {
      node {
          ring0_addr: <NODE1_IP_ADDRESS>
  #                   ^^^^^^^^^^^^^^^^^^ error placeholder-value: ring0_addr '<NODE1_IP_ADDRESS>' is a placeholder left from a sample (text in angle brackets), not a real value: corosync cannot resolve it and refuses to start
          nodeid: 1
      }
      node {
          ring0_addr: ctl2
          nodeid: 2
      }
  }
  `,
    { rules: ['placeholder-value'] },
  ));

test('placeholder-value: interfaces and addresses left from a sample; keepalived variables are left alone', () => {
  const text = SOUND.replace('interface br-mgmt', 'interface <interface>').replace(
    '10.0.0.11/24 dev br-mgmt',
    '10.0.0.X/24 dev MGMT_INTERFACE',
  );
  assert.deepEqual(
    lintKeepalived(text).findings.map((x) => `${x.rule}: ${x.message} [${at(text, x)}]`),
    [
      "placeholder-value: interface '<interface>' is a placeholder left from a sample (text in angle brackets), not a real value: keepalived finds no such interface and the instance does not start [<interface>]",
      "placeholder-value: virtual_ipaddress entry '10.0.0.X/24' is a placeholder left from a sample (an address with letters where digits belong), not a real value: keepalived refuses the address [10.0.0.X/24]",
      "placeholder-value: dev 'MGMT_INTERFACE' is a placeholder left from a sample (a name in capitals that stands for a value), not a real value: keepalived finds no such interface and the instance does not start [MGMT_INTERFACE]",
    ],
  );
  assert.deepEqual(lintKeepalived(`$IFACE=br-mgmt\n${SOUND.replace('interface br-mgmt', 'interface $IFACE')}`).findings, []);
});

test('placeholder-value: a $VARIABLE keepalived never gets a value for; one the file defines is fine', () => {
  const text = SOUND.replace('interface br-mgmt', 'interface $INTERFACE_NAME');
  assert.deepEqual(
    lintKeepalived(text).findings.map((x) => `${x.rule}: ${x.message}`),
    [
      "placeholder-value: interface '$INTERFACE_NAME' uses $INTERFACE_NAME, which this file never defines ($INTERFACE_NAME=value): keepalived takes it as it is, and keepalived finds no such interface and the instance does not start",
    ],
  );
  assert.deepEqual(lintKeepalived(`$INTERFACE_NAME=br-mgmt\n${text}`).findings, []);
});

test('placeholder-value: addresses left from a sample in bind-address and in the gcomm:// list', () => {
  const text = NODE.replace('bind-address=10.0.0.12', 'bind-address=192.168.1.22X').replace(
    'gcomm://10.0.0.12,10.0.0.13,10.0.0.14',
    'gcomm://10.0.0.12,<NODE2_IP>,10.0.0.14',
  );
  assert.deepEqual(
    rules(text).filter((x) => x.startsWith('placeholder-value')),
    [
      "placeholder-value error: bind-address '192.168.1.22X' is a placeholder left from a sample (an address with letters where digits belong), not a real value: mariadbd cannot resolve it and the node does not start [192.168.1.22X]",
      "placeholder-value error: wsrep_cluster_address member '<NODE2_IP>' is a placeholder left from a sample (text in angle brackets), not a real value: mariadbd cannot resolve it and the node does not start [<NODE2_IP>]",
    ],
  );
  // host names, even in capitals, are names
  assert.deepEqual(
    rules(NODE.replace('gcomm://10.0.0.12,10.0.0.13,10.0.0.14', 'gcomm://CTL1,ctl2,ctl3')).filter((x) => x.startsWith('placeholder-value')),
    [],
  );
});
