/**
 * The real checkers quote the file they read: mariadbd's `unknown variable 'password=...'`,
 * crm_verify's copy of every line of a CIB it cannot parse. Their messages are masked before they
 * become findings. A stand-in tool prints what each one prints, so the test needs none installed.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CHECKERS, FIREWALL_CHECKERS, ToolRunner } from '../../server/src/node/real-tools';

/** What each checker printed, quoting a credential of the file. */
const OUTPUT: Record<string, string[]> = {
  galera: ["2026-12-01 21:27:56 0 [ERROR] mariadbd: unknown variable 'password=S3cr/et@Zq'"],
  haproxy: ["[ALERT]    (1) : config : parsing [/f:6] : 'stats auth admin:S3cretZq' : unknown keyword"],
  keepalived: ['(/f: Line 6) Unknown keyword auth_pass S3cretZq', 'auth_pass S3cretZq is longer than 8 characters'],
  corosync: ['/f:3: parse error in config: key S3cretZq'],
  pacemaker: [
    '(log_xmllib_err) \terror: XML Error: /f:8: parser error : Opening and ending tag mismatch',
    '(log_xmllib_err) \terror: XML Error:           <nvpair id="f-pw" name="passwd" value="S3cretZq"></nvpair2>',
    '(filename2xml) \terror: Partial           <nvpair id="f-pw" name="password" value="S3cretZq"/>',
    '(filename2xml) \terror: Partial     <nvpair id="t" name="transport_url" value="rabbit://u:S3c@retZq@c1:5672/"/>',
  ],
  firewall: ["iptables-restore: line 3 failed: bad argument 'password=S3cretZq'"],
};

test("every real checker's messages are masked: no credential the tool quotes reaches a finding", async () => {
  const runner = new ToolRunner(10_000);
  const checkers = { ...CHECKERS, firewall: FIREWALL_CHECKERS.iptables };
  let messages = 0;
  for (const [kind, lines] of Object.entries(OUTPUT)) {
    const checker = checkers[kind as keyof typeof checkers]!;
    const script = `printf '%s\\n' ${lines.map((l) => `'${l.replace(/'/g, `'\\''`)}'`).join(' ')} >&2; exit 1`;
    const r = await runner.run({ ...checker, command: undefined, tool: 'sh', args: () => ['-c', script] }, '/f');
    assert.ok(r.messages.length > 0, `${kind}: no message read`);
    for (const m of r.messages) {
      messages++;
      assert.doesNotMatch(m.message, /Zq|S3c/, `${kind}: ${m.message}`);
    }
  }
  assert.ok(messages >= 8, `${messages} messages`);
});

test("mariadbd's unknown variable keeps what says where, and masks the value", async () => {
  const runner = new ToolRunner(10_000);
  const script = `printf '%s\\n' "2026-12-01 0 [ERROR] mariadbd: unknown variable 'password=S3cretZq'"; exit 1`;
  const r = await runner.run({ ...CHECKERS.galera!, tool: 'sh', args: () => ['-c', script] }, '/f');
  assert.deepEqual(r, {
    tool: 'sh',
    rejected: true,
    messages: [{ line: null, severity: 'error', message: "unknown variable 'password=***'" }],
  });
});
