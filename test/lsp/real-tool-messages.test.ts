/**
 * The real tools' output as they print it on this machine's versions (haproxy 2.6, keepalived,
 * corosync 3, crm_verify, mariadbd), captured by running them on broken files: the lines that only
 * sum up the others are dropped, and a message that says what our finding on its line says is left
 * to ours (node/tool-messages.ts says how "the same problem" is decided).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CHECKERS, ToolMessage } from '../../server/src/node/real-tools';
import { messagesToShow, names, subjectsOf } from '../../server/src/node/tool-messages';
import { lintFile } from '../../server/src/engine/lint';

/** Our findings of `text` as the server gives them to messagesToShow. */
function ours(path: string, text: string) {
  const r = lintFile(path, text)!;
  return r.findings.map((f) => ({ line: r.lines.position(f.span.start).line, subjects: subjectsOf(text, f) }));
}

const HAPROXY = `defaults
    timeout connect 10s
    timeout client 1m
    timeout server 1m
    timeout check 10s
listen keystone
    bnd 10.0.0.11:5000
    balance roundrobn
    server c1 10.0.0.12:5000 check inter 2000 rise 2 fall 5
`;
// haproxy -c -dr -f haproxy.cfg (2.6.12), exit 1
const HAPROXY_OUT = `[NOTICE]   (26460) : haproxy version is 2.6.12-1+deb12u4
[NOTICE]   (26460) : path to executable is /usr/sbin/haproxy
[ALERT]    (26460) : config : parsing [haproxy.cfg:7] : unknown keyword 'bnd' in 'listen' section; did you mean 'bind' maybe ?
[ALERT]    (26460) : config : parsing [haproxy.cfg:8] : balance only supports 'roundrobin', 'static-rr', 'leastconn', 'source', 'uri', 'url_param', 'hdr(name)' and 'rdp-cookie(name)' options.
[ALERT]    (26460) : config : Error(s) found in configuration file : haproxy.cfg
[ALERT]    (26460) : config : Fatal errors found in configuration.
`;

test('haproxy: no "Error(s) found" or "Fatal errors" summary; the unknown keyword we report is ours only, the bad balance is theirs', () => {
  const parsed = CHECKERS.haproxy!.parse(HAPROXY_OUT);
  assert.deepEqual(
    parsed.map((m) => [m.line, m.severity, m.message.slice(0, 40)]),
    [
      [6, 'error', "unknown keyword 'bnd' in 'listen' sectio"],
      [7, 'error', "balance only supports 'roundrobin', 'sta"],
    ],
  );
  assert.deepEqual(
    messagesToShow(parsed, ours('haproxy.cfg', HAPROXY)).map((m) => m.line),
    [7],
  );
  // a file haproxy accepts with warnings: its verdict lines are not messages; the warning naming no line is kept, for line 1
  const warned = CHECKERS.haproxy!.parse(`[NOTICE]   (26449) : haproxy version is 2.6.12-1+deb12u4
[WARNING]  (26449) : config : missing timeouts for proxy 'api'.
   | While not properly invalid, you will certainly encounter various problems
Warnings were found.
Configuration file is valid
`);
  assert.deepEqual(warned, [{ line: null, severity: 'warning', message: "missing timeouts for proxy 'api'." }]);
  assert.deepEqual(messagesToShow(warned, []), warned);
});

const KEEPALIVED = `vrrp_instance VI_1 {
    state MASTR
    interface eth0
    virtual_router_id 300
    priority 100
    unicast_peer {
        10.0.0.300
    }
    virtual_ipaddress {
        10.0.0.10/24
    }
}
`;
// keepalived -t -e -f keepalived.conf, exit 5
const KEEPALIVED_OUT = `(keepalived.conf: Line 2) (VI_1) unknown state 'MASTR', defaulting to BACKUP
(keepalived.conf: Line 4) number '300' outside range [1, 255]
(keepalived.conf: Line 4) (VI_1): VRID '300' not valid - must be between 1 & 255
(keepalived.conf: Line 7) Configuration error: VRRP instance[VI_1] malformed unicast peer address[10.0.0.300]. Skipping...
(VI_1) the virtual router id must be set
`;

test('keepalived: what we report at the same line about the same word is ours; another problem and its line stay; an unlocated consequence goes', () => {
  const parsed = CHECKERS.keepalived!.parse(KEEPALIVED_OUT);
  assert.equal(parsed.length, 5);
  assert.deepEqual(messagesToShow(parsed, ours('keepalived.conf', KEEPALIVED)), [
    {
      line: 6,
      severity: 'error',
      message: 'Configuration error: VRRP instance[VI_1] malformed unicast peer address[10.0.0.300]. Skipping...',
    },
  ]);
});

// corosync -f -t -c corosync.conf (corosync 3), exit 8 for a missing brace; exit 8 too for a good file on a machine not in its nodelist
const COROSYNC_BROKEN = 'parser error: corosync.conf:4: Missing closing brace\n';
const COROSYNC_NOT_HERE = `Dec 02 05:42:36.331 error   [MAIN  ] parse error in config: No valid name found for local host
Dec 02 05:42:36.331 error   [MAIN  ] Corosync Cluster Engine exiting with status 8 at main.c:1445.
`;

test('corosync: "parser error: FILE:LINE:" is at its line (not a missing brace); the exit summary and the machine\'s own host name are not about the file', () => {
  // a missing brace names the line where the input ran out: that is no place to show it
  assert.deepEqual(CHECKERS.corosync!.parse(COROSYNC_BROKEN), [{ line: null, severity: 'error', message: 'Missing closing brace' }]);
  assert.deepEqual(CHECKERS.corosync!.parse(COROSYNC_NOT_HERE), []);
  assert.equal(CHECKERS.corosync!.rejected(8, COROSYNC_NOT_HERE), false);
  assert.equal(CHECKERS.corosync!.rejected(8, COROSYNC_BROKEN), true);
  assert.equal(
    CHECKERS.corosync!.parse(
      'parser error: c3.conf:5: Value of key "totem.token" is expected to be integer in range (0..4294967295), but "abc" was given\n',
    )[0].line,
    4,
  );
});

// crm_verify -V --xml-file cib.xml, exit 78
const CRM_NO_STONITH = `(unpack_resources) \terror: Resource start-up disabled since no STONITH resources have been defined
(unpack_resources) \terror: Either configure some or disable STONITH with the stonith-enabled option
(unpack_resources) \terror: NOTE: Clusters with shared data need STONITH to ensure data integrity
crm_verify: Errors found during check: config not valid
`;
const CRM_SCHEMA = `cib3.xml:6: element primitive: Relax-NG validity error : Invalid sequence in interleave
cib3.xml:6: element primitive: Relax-NG validity error : Element primitive failed to validate content
(main) \terror: CIB did not pass schema validation
crm_verify: Errors found during check: config not valid
`;
const CRM_BROKEN = `(log_xmllib_err) \terror: XML Error: cib4.xml:2: parser error : error parsing attribute name
(log_xmllib_err) \terror: XML Error:   <configuration>
(log_xmllib_err) \terror: XML Error:   ^
(filename2xml) \terror: Couldn't fully parse cib4.xml
cib4.xml:0: element status: Relax-NG validity error : Did not expect element status there
(main) \terror: CIB did not pass schema validation
crm_verify: Errors found during check: config not valid
`;

test('crm_verify: one message per function, no verdict lines, no echo of the line libxml stopped at, line 0 is no line', () => {
  const stonith = CHECKERS.pacemaker!.parse(CRM_NO_STONITH);
  assert.deepEqual(stonith, [
    {
      line: null,
      severity: 'error',
      message:
        'Resource start-up disabled since no STONITH resources have been defined Either configure some or disable STONITH with the stonith-enabled option NOTE: Clusters with shared data need STONITH to ensure data integrity',
    },
  ]);
  // nothing located: shown (on line 1); our finding underlines "resources", a word, not a name, so it does not count as the same
  assert.deepEqual(messagesToShow(stonith, [{ line: 4, subjects: ['resources'] }]), stonith);
  assert.deepEqual(
    CHECKERS.pacemaker!.parse(CRM_SCHEMA).map((m) => [m.line, m.message]),
    [
      [5, 'element primitive: Relax-NG validity error : Invalid sequence in interleave'],
      [5, 'element primitive: Relax-NG validity error : Element primitive failed to validate content'],
    ],
  );
  const broken = CHECKERS.pacemaker!.parse(CRM_BROKEN);
  assert.deepEqual(
    broken.map((m) => [m.line, m.message]),
    [
      [1, 'parser error : error parsing attribute name'],
      [null, "Couldn't fully parse cib4.xml"],
      [null, 'element status: Relax-NG validity error : Did not expect element status there'],
    ],
  );
  // beside the located parser error, what names no line is a consequence of it
  assert.deepEqual(
    messagesToShow(broken, []).map((m) => m.line),
    [1],
  );
});

test('mariadbd: a message naming no line is left to our finding when it names the option ours is about', () => {
  const text = '[mysqld]\nbinlog_format=ROW\nmax_conections=4096\n';
  // mariadbd --defaults-file=my.cnf --help --verbose, exit 1
  const out = `2026-12-02  5:39:05 0 [Warning] Could not increase number of max_open_files to more than 20000 (request: 32184)
2026-12-02  5:39:05 0 [Warning] You need to use --log-bin to make --binlog-format work.
2026-12-02  5:39:05 0 [ERROR] mariadbd: unknown variable 'max_conections=4096'
`;
  const parsed = CHECKERS.galera!.parse(out);
  assert.deepEqual(parsed, [
    { line: null, severity: 'warning', message: 'You need to use --log-bin to make --binlog-format work.' },
    { line: null, severity: 'error', message: "unknown variable 'max_conections=4096'" },
  ]);
  const mine = ours('/etc/mysql/my.cnf', text);
  assert.ok(
    mine.some((o) => o.subjects.includes('max_conections')),
    JSON.stringify(mine),
  );
  assert.deepEqual(messagesToShow(parsed, mine), [parsed[0]]);
});

test('the same subject is a whole word: a longer name or another value is another problem', () => {
  assert.equal(names("unknown keyword 'bnd' in 'listen' section", 'bnd'), true);
  assert.equal(names("unknown keyword 'bndx'", 'bnd'), false);
  assert.equal(names('timeout-client', 'timeout'), false);
  assert.equal(names("number '300' outside range", '300'), true);
  assert.equal(names("number '3000' outside range", '300'), false);
  const m: ToolMessage = { line: 2, severity: 'error', message: "unknown keyword 'bnd'" };
  // another line: kept
  assert.deepEqual(messagesToShow([m], [{ line: 3, subjects: ['bnd'] }]), [m]);
  assert.deepEqual(messagesToShow([m], [{ line: 2, subjects: ['bnd'] }]), []);
});
