/**
 * How the fuzzer breaks a file: byte flips, truncation, deleted and repeated slices, deep nesting,
 * huge tokens, floods of broken lines, BOM, CRLF and lone CR, NUL, bidi and invisible characters,
 * YAML anchors, aliases and tags, Ansible's vault and templates, INI host ranges, group cycles and
 * huge groups; one to four of them at a time.
 */
import fc from 'fast-check';
import { MAX_MANIFEST_BYTES } from '../../server/src/engine/documents/manifest/parse';

/** Characters that have broken parsers before: line ends, NUL, BOM, bidi, zero-width, surrogate halves. */
const ODD_CHARS = [
  '\0',
  '\r',
  '\n',
  '\r\n',
  '\t',
  '\ufeff',
  '\u202e',
  '\u2066',
  '\u200b',
  '\u0085',
  '\u2028',
  '\ud800',
  '\udfff',
  '\x1b',
  '\x7f',
  '\u00ff',
];

/** Pieces of syntax of every kind, inserted anywhere. */
const SNIPPETS = [
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  '#',
  ';',
  ':',
  '=',
  '- ',
  '\\',
  '<',
  '/>',
  '<!--',
  ']]>',
  '&a ',
  '*a',
  '<<: *a',
  '!!binary ',
  '!!js/function ',
  '!<tag:yaml.org,2002:str> ',
  '? ',
  '---\n',
  '...\n',
  '%YAML 1.1\n',
  '[DEFAULT]\n',
  '[mysqld]\n',
  '[galera]\n',
  'password = s3cr3t\n',
  'transport_url = rabbit://u:p@h1:5672,u:p@h2:5672/\n',
  'totem {\n',
  'vrrp_instance VI {\n',
  'backend b\n    server s 10.0.0.1:3306 check\n',
  'listen l\n  bind :::0\n',
  'include /etc/keepalived/*.conf\n',
  '!include_dir /etc/mysql/conf.d/\n',
  'pcs resource create r ocf:heartbeat:IPaddr2 ip=10.0.0.1\n',
  '-A INPUT -p tcp --dport 3306 -j ACCEPT\n',
  'net.ipv4.ip_nonlocal_bind = 1\n',
  '  a: { address: 10.0.0.99 }\n',
  'nodes:\n',
  'clusters:\n',
  '10.0.0.1',
  '::1',
  '999999999999999999999',
  '-1',
  '0x',
  'true',
  'null',
  // the deployment tools' files (kolla-ansible, OpenStack-Ansible): Ansible's vault, templates, INI host ranges, group cycles
  'kolla_internal_vip_address: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  6162636465\n',
  '!vault ',
  '"{{ kolla_internal_vip_address }}"',
  '{{ lookup("env", "X") | default(omit) }}',
  '{% if enable_haproxy %}',
  '{{',
  '}}',
  'node[1:99999999]\n',
  'h[01:99999999:1]\n',
  'h[a:z]\n',
  'h[9:1]\n',
  'h[0:-1]\n',
  'h[1:3][1:3]\n',
  '[control]\n',
  '[a:children]\nb\n[b:children]\na\n',
  '[control:children]\ncontrol\n',
  '[loadbalancer:children]\nloadbalancer\n',
  'ansible_host=10.0.0.1 api_interface=eth0\n',
  '[all:vars]\nansible_host=10.0.0.1\n',
  'ansible_host: 10.0.0.1\n',
  '_hosts: &h\n  h1:\n    ip: 10.0.0.1\n',
  'compute_hosts: *infrastructure_hosts\n',
  '<<: *infrastructure_hosts\n',
  'shared-infra_hosts: *h\n',
  'global_overrides:\n',
  'used_ips:\n  - "10.0.0.1,10.0.0.0"\n',
  'cidr_networks:\n  container: 10.0.0.0/33\n',
  'internal_lb_vip_address: 10.0.0.1\n',
  'keepalived_virtual_router_id: "{{ 51 }}"\n',
];

/** Inputs stop a little past the engine's size cap: past it, a file is only measured, and bigger proves nothing more. */
const MAX_INPUT = MAX_MANIFEST_BYTES + 64 * 1024;

const position = (len: number) => fc.integer({ min: 0, max: len });

type Mutation = (text: string) => string;

function mutation(len: number): fc.Arbitrary<Mutation> {
  const at = position(len);
  return fc.oneof(
    // byte flip: one character replaced by an odd one or any code unit
    fc.tuple(at, fc.oneof(fc.constantFrom(...ODD_CHARS), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }))).map(
      ([i, c]) =>
        (t: string) =>
          t.slice(0, i) + c + t.slice(i + 1),
    ),
    // truncation
    at.map((i) => (t: string) => t.slice(0, i)),
    // a slice deleted
    fc.tuple(at, fc.integer({ min: 1, max: 200 })).map(
      ([i, n]) =>
        (t: string) =>
          t.slice(0, i) + t.slice(i + n),
    ),
    // a snippet inserted
    fc.tuple(at, fc.constantFrom(...SNIPPETS, ...ODD_CHARS)).map(
      ([i, s]) =>
        (t: string) =>
          t.slice(0, i) + s + t.slice(i),
    ),
    // deep nesting of any bracket the kinds use
    fc.tuple(at, fc.constantFrom('[', '{', '- ', 'a {\n', '<a>', '  ', '(', 'a: '), fc.integer({ min: 10, max: 3000 })).map(
      ([i, s, n]) =>
        (t: string) =>
          t.slice(0, i) + s.repeat(n) + t.slice(i),
    ),
    // a huge token, a long run of spaces, a flood of broken lines
    fc
      .tuple(
        at,
        fc.constantFrom('a', ' ', '\t', '=\n', 'x\n', '[\n', '}\n', 'password\n', ' =\n', '\\\n'),
        fc.integer({ min: 1000, max: 60000 }),
      )
      .map(
        ([i, s, n]) =>
          (t: string) =>
            t.slice(0, i) + s.repeat(n) + t.slice(i),
      ),
    // a line repeated (duplicate keys, sections, servers)
    fc.tuple(at, fc.integer({ min: 2, max: 2000 })).map(([i, n]) => (t: string) => {
      const s = t.lastIndexOf('\n', i - 1) + 1;
      const e = t.indexOf('\n', i);
      const line = t.slice(s, e < 0 ? t.length : e + 1);
      // never past the input bound: a 1 MB line repeated 2,000 times is no string V8 can hold
      return t.slice(0, s) + line.repeat(Math.min(n, Math.ceil(MAX_INPUT / Math.max(1, line.length)))) + t.slice(s);
    }),
    // a huge group: thousands of hosts in an INI group, a YAML hosts mapping, or children
    fc
      .tuple(at, fc.constantFrom('ini', 'yaml', 'children', 'list'), fc.integer({ min: 100, max: 20000 }))
      .map(([i, shape, n]) => (t: string) => {
        const rows = Array.from({ length: n }, (_, j) =>
          shape === 'ini'
            ? `h${j} ansible_host=10.${(j >> 16) & 255}.${(j >> 8) & 255}.${j & 255}\n`
            : shape === 'yaml'
              ? `  h${j}:\n    ip: 10.${(j >> 16) & 255}.${(j >> 8) & 255}.${j & 255}\n`
              : shape === 'children'
                ? `g${j}\n[g${j}:children]\n`
                : `  - h${j}\n`,
        ).join('');
        const head =
          shape === 'ini' ? '[control]\n' : shape === 'yaml' ? 'compute_hosts:\n' : shape === 'children' ? '[control:children]\n' : 'x:\n';
        return t.slice(0, i) + head + rows + t.slice(i);
      }),
    // every line end rewritten
    fc.constantFrom('\r\n', '\r').map((eol) => (t: string) => t.replace(/\r?\n/g, eol)),
    // a BOM first
    fc.constant((t: string) => '\ufeff' + t),
    // a YAML alias bomb
    fc.constant((t: string) => 'a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: &c [*b, *b, *b, *b]\nd: [*c, *c, *c, *c]\n' + t),
  );
}

/** A seed's text after one to four mutations. */
export function mutated(text: string): fc.Arbitrary<string> {
  return fc
    .array(mutation(text.length), { minLength: 1, maxLength: 4 })
    .map((ms) => ms.reduce((t, m) => (t.length > MAX_INPUT ? t : m(t)), text).slice(0, MAX_INPUT));
}
