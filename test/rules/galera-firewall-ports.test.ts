/** galera-firewall-ports over every firewall syntax, the guide's own commands, and the fixes. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkFw, dedent, fixedFw } from '../support/fixture';
import { deployment } from '../support/topologies';
import { lintFirewall, detectKind } from '../../server/src/engine/lint';
import { firewallSyntax } from '../../server/src/engine/documents/firewall/recognise';
import { PeerConf } from '../../server/src/engine/model/topology';

const RULES = { rules: ['galera-firewall-ports'] };
const galeraHere = (values: Record<string, string> = {}): PeerConf => ({
  file: '../mysql/conf.d/galera.cnf',
  kind: 'galera',
  sameNode: true,
  values: { wsrep_cluster_address: 'gcomm://10.0.0.12,10.0.0.13,10.0.0.14', ...values },
});
const messages = (
  syntax: Parameters<typeof lintFirewall>[1],
  text: string,
  peers: PeerConf[] = [],
  topology = undefined as ReturnType<typeof deployment> | undefined,
) => lintFirewall(dedent(text), syntax, undefined, { peers, topology }).findings.map((f) => `${f.rule}: ${f.message}`);

const RHEL = `
  *filter
  :INPUT ACCEPT [0:0]
  :FORWARD ACCEPT [0:0]
  :OUTPUT ACCEPT [0:0]
  -A INPUT -m state --state RELATED,ESTABLISHED -j ACCEPT
  -A INPUT -p icmp -j ACCEPT
  -A INPUT -i lo -j ACCEPT
  -A INPUT -p tcp -m state --state NEW -m tcp --dport 22 -j ACCEPT
  -A INPUT -s 10.0.0.0/24 -p tcp -m tcp --dport 3306 -j ACCEPT
  -A INPUT -s 10.0.0.0/24 -p tcp -m multiport --dports 4567,4568 -j ACCEPT
  -A INPUT -j REJECT --reject-with icmp-host-prohibited
  -A INPUT -s 10.0.0.0/24 -p tcp -m tcp --dport 4444 -j ACCEPT
  -A FORWARD -j REJECT --reject-with icmp-host-prohibited
  COMMIT
`;

test('iptables-save: a port opened after the catch-all REJECT is not open; the fix moves the rule above it', () => {
  checkFw(
    'iptables-save',
    RHEL.replace(
      '--dport 3306 -j ACCEPT\n',
      '--dport 3306 -j ACCEPT\n  #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning galera-firewall-ports: This firewall closes inbound traffic (the catch-all REJECT rule of INPUT, line 12) but opens TCP 4444 (SST) only on line 13, after the catch-all of line 12, so that rule is never reached: the Galera members need them to reach each other\n',
    ),
    RULES,
  );
  assert.equal(
    fixedFw('iptables-save', RHEL, 'galera-firewall-ports'),
    dedent(RHEL).replace(
      '-A INPUT -j REJECT --reject-with icmp-host-prohibited\n-A INPUT -s 10.0.0.0/24 -p tcp -m tcp --dport 4444 -j ACCEPT\n',
      '-A INPUT -s 10.0.0.0/24 -p tcp -m tcp --dport 4444 -j ACCEPT\n-A INPUT -j REJECT --reject-with icmp-host-prohibited\n',
    ),
  );
  // the loopback, ICMP and replies-only rules open nothing: without the Galera rules the ports are missing
  assert.deepEqual(messages('iptables-save', RHEL.replace(/^.*(3306|4567|4444).*\n/gm, ''), [galeraHere()]), [
    'galera-firewall-ports: This firewall closes inbound traffic (the catch-all REJECT rule of INPUT, line 9) but does not open TCP 3306 (clients and mysqldump SST), TCP 4567 (replication), TCP 4568 (IST), TCP 4444 (SST): the Galera members need them to reach each other',
  ]);
});

test('iptables-save: an open INPUT chain, or a firewall of another kind of node, is not judged', () => {
  assert.deepEqual(
    messages('iptables-save', '*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp --dport 3306 -j ACCEPT\nCOMMIT\n', [galeraHere()]),
    [],
  );
  assert.deepEqual(
    messages(
      'iptables-save',
      '*filter\n:INPUT DROP [0:0]\n-A INPUT -p tcp --dport 22 -j ACCEPT\n-A INPUT -p tcp --dport 3306 -j ACCEPT\nCOMMIT\n',
    ),
    [],
  );
  // 3306 alone: a Galera node when the manifest runs Galera and no Galera file says which nodes are members
  const only3306 = '*filter\n:INPUT DROP [0:0]\n-A INPUT -p tcp --dport 3306 -j ACCEPT\nCOMMIT\n';
  const topology = deployment({ services: 'galera: { on: ctl, mode: clustered, vip: internal }' });
  assert.equal(messages('iptables-save', only3306, [], topology).length, 1);
  // ... but not on a node whose workspace keeps the Galera files elsewhere (an HAProxy node opens 3306 to clients)
  assert.deepEqual(messages('iptables-save', only3306, [{ ...galeraHere(), sameNode: false }], topology), []);
});

test("the guide's iptables commands: `--protocol --match tcp` is an error iptables makes too; all four ports are open", () => {
  const guide = ['3306', '4567', '4568', '4444']
    .map(
      (p) =>
        `iptables --append INPUT --in-interface eth0 \\\n   --protocol --match tcp --dport ${p} \\\n   --source NODE-IP-ADDRESS --jump ACCEPT\n`,
    )
    .join('');
  const r = lintFirewall(guide, 'script');
  assert.deepEqual(
    r.findings.map(
      (f) =>
        `${r.lines.position(f.span.start).line}:${r.lines.position(f.span.start).character}-${r.lines.position(f.span.end).character} ${f.rule}`,
    ),
    ['1:3-21 parse-error', '4:3-21 parse-error', '7:3-21 parse-error', '10:3-21 parse-error'],
  );
  assert.equal(
    r.findings[0].message,
    "--protocol needs a protocol name, but '--match' follows it: iptables takes that as the protocol and rejects the rule (unknown protocol)",
  );
  assert.deepEqual(
    messages('script', guide.split('iptables').slice(0, 3).join('iptables')).filter((m) => m.startsWith('galera')),
    [
      'galera-firewall-ports: This firewall closes inbound traffic but does not open TCP 4568 (IST), TCP 4444 (SST): the Galera members need them to reach each other',
    ],
  );
});

test('iptables in a loop, with variables: the loop values are the ports', () => {
  assert.deepEqual(
    messages('script', 'for PORT in 3306 4567 4568 4444; do\n  iptables -A INPUT -p tcp --dport $PORT -j ACCEPT\ndone\n'),
    [],
  );
  assert.deepEqual(messages('script', 'for PORT in 3306 4567; do\n  iptables -A INPUT -p tcp --dport "${PORT}" -j ACCEPT\ndone\n'), [
    'galera-firewall-ports: This firewall closes inbound traffic but does not open TCP 4568 (IST), TCP 4444 (SST): the Galera members need them to reach each other',
  ]);
  // a port we cannot read ($1) is not reported missing
  assert.deepEqual(
    messages('script', 'iptables -A INPUT -p tcp --dport 4567 -j ACCEPT\niptables -A INPUT -p tcp --dport $1 -j ACCEPT\n'),
    [],
  );
});

test("firewall-cmd: the guide's commands; a missing port gets a copy of a rule as the fix", () => {
  assert.deepEqual(
    messages(
      'script',
      'firewall-cmd --add-service=mysql --permanent\nfirewall-cmd --add-port=4567/tcp --permanent\nfirewall-cmd --add-port=4568/tcp --permanent\nfirewall-cmd --add-port=4444/tcp --permanent\nfirewall-cmd --add-port=4567/udp --permanent\n',
    ),
    [],
  );
  assert.deepEqual(messages('script', 'firewall-cmd --permanent --add-service=galera\n'), []);
  assert.deepEqual(messages('script', 'sudo firewall-cmd --permanent --add-port={3306,4444,4567,4568}/tcp\n'), []);
  const text = `
    firewall-cmd --permanent --add-port=3306/tcp
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning galera-firewall-ports
    firewall-cmd --permanent --add-port=4567/tcp
    firewall-cmd --reload
  `;
  checkFw('script', text, RULES);
  assert.equal(
    fixedFw('script', text, 'galera-firewall-ports'),
    dedent(text).replace(
      '--add-port=3306/tcp\n',
      '--add-port=3306/tcp\nfirewall-cmd --permanent --add-port=4568/tcp\nfirewall-cmd --permanent --add-port=4444/tcp\n',
    ),
  );
  // the zone's target ACCEPT lets everything in
  assert.deepEqual(
    messages(
      'script',
      'firewall-cmd --permanent --zone=internal --set-target=ACCEPT\nfirewall-cmd --permanent --zone=internal --add-port=4567/tcp\n',
    ),
    [],
  );
  // a rich rule with a source: the members outside it are named
  assert.deepEqual(
    messages(
      'script',
      ['3306', '4567', '4568', '4444']
        .map(
          (p) =>
            `firewall-cmd --permanent --add-rich-rule='rule family="ipv4" source address="10.0.0.12/31" port port="${p}" protocol="tcp" accept'\n`,
        )
        .join(''),
      [galeraHere({ wsrep_node_address: '10.0.0.12' })],
      deployment({ services: 'galera: { on: ctl, mode: clustered, vip: internal }' }),
    ),
    [
      'galera-firewall-ports: This firewall closes inbound traffic but opens TCP 3306 (clients and mysqldump SST) only to some members, not to 10.0.0.14; opens TCP 4567 (replication) only to some members, not to 10.0.0.14; opens TCP 4568 (IST) only to some members, not to 10.0.0.14; opens TCP 4444 (SST) only to some members, not to 10.0.0.14: the Galera members need them to reach each other',
    ],
  );
});

test('sources: rules per member are enough; the one member left out of every rule is taken for the node itself', () => {
  const perNode = (nodes: string[]) =>
    nodes.flatMap((n) => ['3306', '4567', '4568', '4444'].map((p) => `iptables -A INPUT -s ${n} -p tcp --dport ${p} -j ACCEPT\n`)).join('');
  const topology = deployment({ services: 'galera: { on: ctl, mode: clustered, vip: internal }' });
  assert.deepEqual(messages('script', perNode(['10.0.0.13', '10.0.0.14']), [], topology), []);
  assert.deepEqual(messages('script', perNode(['10.0.0.13']), [galeraHere({ wsrep_node_address: '10.0.0.12' })], topology).length, 1);
});

test('multicast replication needs UDP 4567; clustercheck on the node needs TCP 9200', () => {
  const tcp = 'ufw allow proto tcp from 10.0.0.0/24 to any port 3306,4444,4567,4568\n';
  assert.deepEqual(messages('script', tcp, [galeraHere()]), []);
  assert.deepEqual(
    messages('script', tcp, [
      galeraHere({ wsrep_provider_options: 'gmcast.mcast_addr=239.192.0.11;gcache.size=1G' }),
      {
        file: '../xinetd.d/galera-monitor',
        kind: 'clustercheck',
        sameNode: true,
        endpoints: [{ name: 'service galera-monitor', port: 9200, disabled: false, line: 1 }],
      },
    ]),
    [
      'galera-firewall-ports: This firewall closes inbound traffic but does not open UDP 4567 (multicast replication), TCP 9200 (clustercheck): the Galera members need them to reach each other',
    ],
  );
  assert.equal(
    fixedFw('script', tcp, 'galera-firewall-ports', { peers: [galeraHere({ wsrep_provider_options: 'gmcast.mcast_addr=239.192.0.11' })] }),
    `${tcp}ufw allow proto udp from 10.0.0.0/24 to any port 4567\n`,
  );
});

test('ufw: the default policy, loops over ports', () => {
  assert.deepEqual(messages('script', 'ufw default allow incoming\nufw allow 4567/tcp\n'), []);
  assert.deepEqual(
    messages(
      'script',
      'ufw default deny incoming\nfor p in 3306 4567 4568; do\n  ufw allow from 10.0.0.0/24 to any port $p proto tcp\ndone\n',
    ),
    [
      'galera-firewall-ports: This firewall closes inbound traffic (ufw default deny incoming, line 1) but does not open TCP 4444 (SST): the Galera members need them to reach each other',
    ],
  );
});

test('nftables: policy drop, defines, sets; the fix copies the rule with the new port', () => {
  const text = `
    #!/usr/sbin/nft -f
    define DB_NET = 10.0.0.0/24
    table inet filter {
      chain input {
        type filter hook input priority 0; policy drop;
        ct state established,related accept
        iif lo accept
        ip saddr $DB_NET tcp dport { 3306, 4567 } accept
    #   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning galera-firewall-ports: This firewall closes inbound traffic (the input chain's policy drop, line 5) but does not open TCP 4568 (IST), TCP 4444 (SST): the Galera members need them to reach each other
      }
    }
  `;
  checkFw('nftables', text, RULES);
  assert.equal(
    fixedFw('nftables', text, 'galera-firewall-ports'),
    dedent(text).replace(
      '{ 3306, 4567 } accept\n',
      '{ 3306, 4567 } accept\n    ip saddr $DB_NET tcp dport 4568 accept\n    ip saddr $DB_NET tcp dport 4444 accept\n',
    ),
  );
  assert.deepEqual(
    messages(
      'nftables',
      'table inet filter {\n  chain input {\n    type filter hook input priority 0; policy accept;\n    tcp dport 4567 accept\n  }\n}\n',
    ),
    [],
  );
  assert.deepEqual(
    messages(
      'nftables',
      'table inet filter {\n  chain input {\n    type filter hook input priority 0;\n    tcp dport 3306-4568 accept\n    drop\n  }\n}\n',
    ),
    [],
  );
});

test("firewalld zone: services, ports, rich rules; the fix adds <port> elements in the zone's indentation", () => {
  const zone = `
    <?xml version="1.0" encoding="utf-8"?>
    <zone>
      <short>Internal</short>
      <service name="ssh"/>
      <service name="mysql"/>
      <port protocol="tcp" port="4567"/>
    </zone>
  `;
  assert.deepEqual(messages('firewalld-zone', zone), [
    'galera-firewall-ports: This firewall closes inbound traffic (zone target default, line 2) but does not open TCP 4568 (IST), TCP 4444 (SST): the Galera members need them to reach each other',
  ]);
  assert.equal(
    fixedFw('firewalld-zone', zone, 'galera-firewall-ports'),
    dedent(zone).replace(
      '<service name="mysql"/>\n',
      '<service name="mysql"/>\n  <port protocol="tcp" port="4568"/>\n  <port protocol="tcp" port="4444"/>\n',
    ),
  );
  assert.deepEqual(messages('firewalld-zone', '<zone>\n  <service name="galera"/>\n</zone>\n'), []);
  assert.deepEqual(messages('firewalld-zone', '<zone target="ACCEPT">\n  <port protocol="tcp" port="4567"/>\n</zone>\n'), []);
  assert.deepEqual(
    messages(
      'firewalld-zone',
      '<zone>\n  <rule family="ipv4"><source address="10.0.0.0/24"/><port port="3306-4568" protocol="tcp"/><accept/></rule>\n</zone>\n',
    ),
    [],
  );
});

test('recognition: by name and content; templates and CIBs are not firewalls', () => {
  const save = '*filter\n:INPUT DROP [0:0]\nCOMMIT\n';
  assert.equal(firewallSyntax('/etc/iptables/rules.v4', save), 'iptables-save');
  assert.equal(firewallSyntax('/etc/sysconfig/iptables', save), 'iptables-save');
  assert.equal(firewallSyntax('roles/fw/templates/rules.v4.j2', save), undefined);
  assert.equal(firewallSyntax('/etc/nftables.conf', 'table inet filter {\n}\n'), 'nftables');
  assert.equal(firewallSyntax('/etc/firewalld/zones/internal.xml', '<zone>\n</zone>\n'), 'firewalld-zone');
  assert.equal(firewallSyntax('cib.xml', '<cib><configuration/></cib>'), undefined);
  assert.equal(firewallSyntax('open-galera.sh', '#!/bin/sh\nfirewall-cmd --add-port=4567/tcp\n'), 'script');
  assert.equal(firewallSyntax('notes.sh', '#!/bin/sh\necho iptables is not used here\n'), undefined);
  assert.equal(detectKind('/etc/iptables/rules.v4', save), 'firewall');
  // a Pacemaker setup script that also opens the firewall gets both checks
  assert.equal(detectKind('setup.sh', 'pcs property set stonith-enabled=true\nfirewall-cmd --add-port=4567/tcp\n'), 'pacemaker');
});

test('parse errors: what iptables-restore, iptables and nft reject', () => {
  const problems = (syntax: Parameters<typeof lintFirewall>[1], text: string) => {
    const r = lintFirewall(text, syntax);
    return r.findings.filter((f) => f.rule === 'parse-error').map((f) => `${r.lines.position(f.span.start).line}: ${f.message}`);
  };
  assert.deepEqual(
    problems(
      'iptables-save',
      '*filter\n:INPUT DROP [0:0]\n-A INPUT --dport 22 -j ACCEPT\n-A INPUT -p tcp --dports 1,2 -j ACCEPT\n-A INPUT -p tcp --dport 70000 -j ACCEPT\n-A INPUT -s 10.0.0.0/33 -j ACCEPT\n-A INPUT -p tcp --dprot 22 -j ACCEPT\n',
    ),
    [
      '2: --dport needs -p tcp or -p udp (or -m tcp) before it: iptables rejects the rule (unknown option "--dport")',
      '3: --dports needs -m multiport before it: iptables rejects the rule (unknown option "--dports")',
      '4: 70000 is not a port (0-65535): iptables rejects the rule (invalid port/service)',
      '5: /33 is not a prefix length for 10.0.0.0: iptables rejects the rule (invalid mask)',
      '6: iptables has no option --dprot (did you mean --dport?): it rejects the rule',
      '0: *filter has no COMMIT: iptables-restore applies nothing of it (COMMIT expected)',
    ].sort((a, b) => Number(a.split(':')[0]) - Number(b.split(':')[0])),
  );
  // options of other matches and targets are not judged
  assert.deepEqual(
    problems(
      'iptables-save',
      '*filter\n:INPUT DROP [0:0]\n-A INPUT -p tcp -m conntrack --ctstate NEW -m recent --name db --set -j LOG --log-prefix "db: "\n-A INPUT -m set --match-set galera src -j ACCEPT\nCOMMIT\n',
    ),
    [],
  );
  assert.deepEqual(
    problems(
      'nftables',
      'define NET = 10.0.0.0/24\ntable inet filter {\n  chain input {\n    type filter hook input priority 0; policy dorp;\n    tcp dprot 22 accept\n    ip saddr $NTE tcp dport { 3306, 70000 } accept\n    tcp dport { 4567, 4568 accept\n  }\n',
    ),
    [
      '1: this { is never closed: nft rejects the file (unexpected end of file)',
      '3: policy dorp is neither accept nor drop: nft rejects the file (syntax error)',
      "4: tcp has no field 'dprot' (did you mean dport?): nft rejects the file (syntax error)",
      '5: $NTE is not defined (define NTE = ...): nft rejects the file (unknown identifier)',
      '5: 70000 is not a port (0-65535): nft rejects the file (service out of range)',
      '6: a set { ... } is not closed on its line: nft rejects the file (syntax error)',
    ],
  );
});

test('IPv6 rules of an IPv4 cluster have nothing to open; they are judged when the members are IPv6', () => {
  const v6 = '*filter\n:INPUT DROP [0:0]\n-A INPUT -p ipv6-icmp -j ACCEPT\n-A INPUT -p tcp --dport 22 -j ACCEPT\nCOMMIT\n';
  const fw = (text: string, syntax: Parameters<typeof lintFirewall>[1], path: string, peers: PeerConf[]) =>
    lintFirewall(text, syntax, undefined, { peers }, path).findings.filter((f) => f.rule === 'galera-firewall-ports').length;
  assert.equal(fw(v6, 'iptables-save', '/etc/iptables/rules.v6', [galeraHere()]), 0);
  assert.equal(fw(v6, 'iptables-save', '/etc/iptables/rules.v4', [galeraHere()]), 1);
  assert.equal(
    fw(v6, 'iptables-save', '/etc/iptables/rules.v6', [galeraHere({ wsrep_cluster_address: 'gcomm://[fd00::12],[fd00::13],[fd00::14]' })]),
    1,
  );
  // a script: the ip6tables rules do not open IPv4 ports, the iptables ones do
  const script = (cmd: string) => ['3306', '4567', '4568', '4444'].map((p) => `${cmd} -A INPUT -p tcp --dport ${p} -j ACCEPT\n`).join('');
  assert.equal(fw(script('ip6tables'), 'script', 'open-db.sh', [galeraHere()]), 0);
  assert.equal(fw(script('ip6tables') + 'iptables -A INPUT -p tcp --dport 3306 -j ACCEPT\n', 'script', 'open-db.sh', [galeraHere()]), 1);
  assert.equal(fw(script('iptables'), 'script', 'open-db.sh', [galeraHere()]), 0);
  // nftables: an ip6-only table
  assert.equal(
    fw(
      'table ip6 filter {\n  chain input {\n    type filter hook input priority 0; policy drop;\n    tcp dport 22 accept\n  }\n}\n',
      'nftables',
      'nftables.conf',
      [galeraHere()],
    ),
    0,
  );
});

test("ufw's user.rules: closed by ufw's default, opened by its ufw-user-input rules", () => {
  const rules =
    '*filter\n:ufw-user-input - [0:0]\n### tuple ### allow tcp 3306 0.0.0.0/0 any 10.0.0.0/24 in\n-A ufw-user-input -p tcp --dport 3306 -s 10.0.0.0/24 -j ACCEPT\n-A ufw-user-input -p tcp --dport 4567 -s 10.0.0.0/24 -j ACCEPT\nCOMMIT\n';
  assert.deepEqual(
    lintFirewall(rules, 'iptables-save', undefined, {}, '/etc/ufw/user.rules').findings.map((f) => f.message),
    [
      "This firewall closes inbound traffic (ufw's default deny incoming, line 1) but does not open TCP 4568 (IST), TCP 4444 (SST): the Galera members need them to reach each other",
    ],
  );
});

test('firewall-cmd: options written with a space, and the trusted zone', () => {
  const text = 'firewall-cmd --permanent --add-service mysql\nfirewall-cmd --permanent --add-port 4567/tcp\n';
  assert.equal(
    fixedFw('script', text, 'galera-firewall-ports'),
    'firewall-cmd --permanent --add-service mysql\nfirewall-cmd --permanent --add-port=4568/tcp\nfirewall-cmd --permanent --add-port=4444/tcp\nfirewall-cmd --permanent --add-port 4567/tcp\n',
  );
  // the cluster network in the trusted zone: every port open to it
  assert.deepEqual(
    messages(
      'script',
      'firewall-cmd --permanent --zone=trusted --add-source=10.0.0.0/24\nfirewall-cmd --permanent --add-port=4567/tcp\n',
      [galeraHere()],
      deployment({ services: 'galera: { on: ctl, mode: clustered, vip: internal }' }),
    ),
    [],
  );
});

test("a script that opens nothing is not the node's firewall", () => {
  assert.deepEqual(messages('script', 'firewall-cmd --reload\niptables -L -n\n', [galeraHere()]), []);
});
