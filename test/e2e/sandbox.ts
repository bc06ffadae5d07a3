/**
 * The HA stack's own checkers run on a file's text, with what they depend on besides the file kept
 * out of their verdict, so that a verdict is about the file and not about this machine
 * (../shared/notes/real-tool-checkers.md): host names resolve (a private /etc/hosts), interfaces
 * exist (bridges in a private network namespace), the local node holds its address, key files,
 * certificates, error files and include folders exist (their paths point at stand-ins, on the same
 * line, so line numbers stay true), users and scripts that scripts run as exist, a CIB is judged
 * without its node list and live status.
 * Placeholders (`<Virtual IP>`, `CONTROLLER_IP`) are never given an address: a daemon refuses them.
 * Each verdict carries the lines the tool names for its errors, to compare reasons, not just outcomes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { CHECKERS, ToolMessage } from '../../server/src/node/real-tools';
import { RealTool } from '../../server/src/engine/rules/rule';
import { placeholderOf } from '../../server/src/engine/text/placeholder';
import { freshDir } from './support';

export interface Verdict {
  rejected: boolean;
  /** 1-based lines the tool names for its errors (empty when it names none). */
  lines: number[];
  /** The tool's first error, for the report. */
  why?: string;
}

const IP = /^(\d{1,3}\.){3}\d{1,3}$|^[0-9a-fA-F:]*:[0-9a-fA-F:.]*$/;
const HOSTNAME = /^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/;
/** A name a resolver should answer for: not an address, not a placeholder, a well-formed host name. */
const resolvable = (h: string) => !!h && !IP.test(h) && HOSTNAME.test(h) && !placeholderOf(h) && h !== 'localhost';

let workdir: string | undefined;
function work(): string {
  if (workdir) return workdir;
  workdir = freshDir('sandbox');
  // stand-ins for the files a configuration names: a certificate with its key, an error page, a key for corosync
  const pem = path.join(workdir, 'site.pem');
  const cert = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      '/CN=sandbox',
      '-days',
      '3650',
      '-keyout',
      path.join(workdir, 'key.pem'),
      '-out',
      path.join(workdir, 'cert.pem'),
    ],
    { encoding: 'utf8' },
  );
  if (cert.status !== 0) throw new Error(`openssl could not make a stand-in certificate: ${cert.stderr}`);
  fs.writeFileSync(pem, fs.readFileSync(path.join(workdir, 'cert.pem'), 'utf8') + fs.readFileSync(path.join(workdir, 'key.pem'), 'utf8'));
  fs.mkdirSync(path.join(workdir, 'corosync'));
  fs.writeFileSync(path.join(workdir, 'corosync', 'authkey'), randomBytes(128), { mode: 0o400 });
  fs.mkdirSync(path.join(workdir, 'empty.d'));
  fs.writeFileSync(path.join(workdir, 'empty.cnf'), '');
  fs.writeFileSync(path.join(workdir, 'empty.lua'), '');
  return workdir;
}

function hostsFile(names: Iterable<string>, address = (i: number) => `127.0.1.${(i % 250) + 1}`): string {
  const file = path.join(work(), `hosts-${process.hrtime.bigint()}`);
  const lines = ['127.0.0.1 localhost', '::1 localhost ip6-localhost', ...[...new Set(names)].map((n, i) => `${address(i)} ${n}`)];
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

function run(script: string): { status: number | null; out: string } {
  const r = spawnSync('unshare', ['-n', '-m', 'sh', '-c', script], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, out: (r.stdout ?? '') + (r.stderr ?? '') };
}

/** The tool's errors read once: the lines it names (1-based) and its first message. */
function errorsOf(kind: keyof typeof CHECKERS, out: string): { messages: ToolMessage[]; lines: number[]; first?: string } {
  const messages = CHECKERS[kind]!.parse(out);
  const errors = messages.filter((m) => m.severity === 'error');
  return { messages, lines: [...new Set(errors.filter((m) => m.line !== null).map((m) => m.line! + 1))], first: errors[0]?.message };
}
const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** haproxy -c: bind and server names resolve; certificates, error files and Lua scripts exist. */
function haproxy(text: string): Verdict {
  const dir = work();
  const names = new Set<string>();
  for (const m of text.matchAll(/^[ \t]*(?:bind|server[ \t]+\S+)[ \t]+(\S+)/gm)) {
    for (const addr of m[1].split(',')) {
      const host = addr
        .replace(/^[a-z0-9]+@/, '')
        .replace(/:[^:]*$/, '')
        .replace(/^\[|\]$/g, '');
      if (resolvable(host)) names.add(host);
    }
  }
  let t = text;
  for (const kw of ['crt', 'ca-file', 'crl-file', 'ca-verify-file', 'ca-sign-file'])
    t = t.replace(new RegExp(`([ \\t]${kw}[ \\t]+)(\\S+)`, 'g'), (_, a) => `${a}${path.join(dir, kw === 'crt' ? 'site.pem' : 'cert.pem')}`);
  t = t.replace(/([ \t]crt-list[ \t]+)(\S+)/g, (_, a) => {
    const f = path.join(dir, 'crt-list');
    fs.writeFileSync(f, `${path.join(dir, 'site.pem')}\n`);
    return `${a}${f}`;
  });
  t = t.replace(/^([ \t]*errorfile[ \t]+)(\d+)([ \t]+)(\S+)/gm, (_, a, code, b) => {
    const f = path.join(dir, `${code}.http`);
    fs.writeFileSync(
      f,
      `HTTP/1.0 ${code} Error\r\nCache-Control: no-cache\r\nConnection: close\r\nContent-Type: text/html\r\n\r\n<html></html>\r\n`,
    );
    return `${a}${code}${b}${f}`;
  });
  t = t.replace(/^([ \t]*lua-load[ \t]+)(\S+)/gm, (_, a) => `${a}${path.join(dir, 'empty.lua')}`);
  const file = path.join(dir, 'haproxy.cfg');
  fs.writeFileSync(file, t);
  const r = run(`mount --bind ${q(hostsFile(names))} /etc/hosts && exec haproxy -c -f ${q(file)}`);
  const e = errorsOf('haproxy', r.out);
  return { rejected: r.status !== 0, lines: e.lines, why: e.first };
}

/** What keepalived -t prints and keepalived itself only logs: a long auth_pass cut to 8, authentication ignored under vrrp_strict, an instance without a VIP, an LVS service without a forwarding method (NAT is taken), a sync group of one, a unicast keyword without peers (multicast is taken), an instance tracking its own interface. */
const KEEPALIVED_WARNINGS =
  /Truncating auth_pass|Strict mode does not support authentication|No VIP specified|no forwarding method set|probably isn't what you want|Defaulting to multicast|Ignoring track_interface \S+ since own interface/;

/** keepalived -t: every interface the file names exists (as a bridge), its scripts and users too. */
function keepalived(text: string): Verdict {
  const dir = work();
  const ifaces = new Set<string>();
  const ifname = (w: string) => /^[A-Za-z0-9_.-]{1,15}$/.test(w) && !placeholderOf(w) && !w.startsWith('$');
  for (const m of text.matchAll(/\b(?:interface|dev|lvs_sync_daemon_interface|bind_if|default_interface)[ \t]+([^\s#!{}]+)/g))
    if (ifname(m[1])) ifaces.add(m[1]);
  for (const m of text.matchAll(/track_interface\s*\{([^}]*)\}/g))
    for (const w of m[1].split(/\s+/)) if (ifname(w) && !/^(weight|-?\d+)$/.test(w)) ifaces.add(w);
  const file = path.join(dir, 'keepalived.conf');
  // what scripts run as and run must exist here: root stands in for the file's user, /bin/true for its
  // scripts (a missing script keepalived reports at the line), an empty file for what it includes
  fs.writeFileSync(path.join(dir, 'empty.conf'), '');
  fs.writeFileSync(
    file,
    text
      .replace(/^([ \t]*(?:script_user|user)[ \t]+)(\S+)([ \t]+\S+)?/gm, (_, a) => `${a}root`)
      .replace(
        /^([ \t]*(?:script|notify|notify_master|notify_backup|notify_fault|notify_stop|notify_up|notify_down)[ \t]+)("[^"\n]*"|\S+)/gm,
        (_, a) => `${a}"/bin/true"`,
      )
      .replace(/^([ \t]*include[ \t]+)(\S+)/gm, (_, a) => `${a}${path.join(dir, 'empty.conf')}`) +
      // appended, so no line moves: scripts run as root on purpose here, which keepalived otherwise reports (exit 6, masking other errors)
      '\nglobal_defs {\n    enable_script_security\n    script_user root\n}\n',
  );
  const links = [...ifaces].map((i) => `ip link add ${q(i)} type bridge 2>/dev/null; ip link set ${q(i)} up 2>/dev/null;`).join(' ');
  const r = run(`${links} exec keepalived -t -f ${q(file)}`);
  // keepalived -t exits 5 on anything it prints, warnings too; the daemon logs these and runs, so a
  // file whose only messages are of this kind is accepted (keepalived-auth-pass-truncated warns of the first)
  const e = errorsOf('keepalived', r.out);
  const daemonRuns = r.status === 5 && e.messages.length > 0 && e.messages.every((m) => KEEPALIVED_WARNINGS.test(m.message));
  return { rejected: r.status !== 0 && !daemonRuns, lines: e.lines, why: e.first ?? `exit ${r.status}` };
}

/** corosync -t: the first node's address is local, node names resolve, the key file and log folder exist. */
function corosync(text: string): Verdict {
  const dir = work();
  const addrs = [...text.matchAll(/^[ \t]*ring0_addr[ \t]*:[ \t]*(\S+)/gm)].map((m) => m[1]);
  const names = addrs.filter(resolvable);
  const hosts = hostsFile(names, (i) => `10.255.0.${i + 1}`);
  const first = addrs[0];
  const local =
    first === undefined ? undefined : resolvable(first) ? `10.255.0.${names.indexOf(first) + 1}` : IP.test(first) ? first : undefined;
  let t = text.replace(/^([ \t]*keyfile[ \t]*:[ \t]*)(\S+)/gm, (_, a) => `${a}${path.join(dir, 'corosync', 'authkey')}`);
  // a log file outside /var/log (the tmpfs below) goes there
  t = t.replace(
    /^([ \t]*logfile[ \t]*:[ \t]*)(\S+)/gm,
    (_, a, f: string) => `${a}${f.startsWith('/var/log/') ? f : `/var/log/cluster/${path.basename(f)}`}`,
  );
  const logDirs = [...t.matchAll(/^[ \t]*logfile[ \t]*:[ \t]*(\S+)/gm)].map((m) => path.dirname(m[1]));
  const file = path.join(dir, 'corosync.conf');
  fs.writeFileSync(file, t);
  const addLocal = local ? `ip addr add ${q(local)}/${local.includes(':') ? 64 : 16} dev hab0 && ` : '';
  const r = run(
    `mount --bind ${q(path.join(dir, 'corosync'))} /etc/corosync && mount --bind ${q(hosts)} /etc/hosts && mount -t tmpfs tmpfs /var/log && mkdir -p /var/log/cluster ${logDirs.map(q).join(' ')} && ip link add hab0 type bridge && ip link set hab0 up && ${addLocal}exec corosync -f -t -c ${q(file)}`,
  );
  const e = errorsOf('corosync', r.out);
  return { rejected: r.status !== 0, lines: e.lines, why: e.first ?? `exit ${r.status}` };
}

/** mariadbd --help --verbose: includes point at an empty folder or file, addresses resolve; any [ERROR] is a refusal. */
function mariadbd(text: string): Verdict {
  const dir = work();
  const names = new Set<string>();
  for (const m of text.matchAll(
    /^[ \t]*(?:bind[-_]address|wsrep[-_]node[-_]address|wsrep[-_]sst[-_]receive[-_]address|wsrep[-_]node[-_]incoming[-_]address|report[-_]host)[ \t]*=[ \t]*["']?([^"'\s#:]+)/gim,
  ))
    if (resolvable(m[1])) names.add(m[1]);
  for (const m of text.matchAll(/gcomm:\/\/([^"'\s?#]*)/g))
    for (const h of m[1].split(',')) {
      const host = h.replace(/:\d+$/, '');
      if (resolvable(host)) names.add(host);
    }
  const t = text
    .replace(/^([ \t]*!includedir[ \t]+)(.+)$/gm, (_, a) => `${a}${path.join(dir, 'empty.d')}`)
    .replace(/^([ \t]*!include[ \t]+)(.+)$/gm, (_, a) => `${a}${path.join(dir, 'empty.cnf')}`);
  const file = path.join(dir, 'my.cnf');
  fs.writeFileSync(file, t);
  const r = run(`mount --bind ${q(hostsFile(names))} /etc/hosts && exec mariadbd --defaults-file=${q(file)} --help --verbose >/dev/null`);
  const errors = r.out.split('\n').filter((l) => /\[ERROR\]/.test(l) && !/max_open_files/.test(l));
  return {
    rejected: r.status !== 0 || errors.length > 0,
    lines: errorsOf('galera', r.out).lines,
    why: errors[0]?.replace(/^.*?\[ERROR\]\s*/, '') ?? (r.status !== 0 ? `exit ${r.status}` : undefined),
  };
}

/** crm_verify on a CIB's configuration: its node list and live status are blanked out, line by line. */
function crmVerify(text: string): Verdict {
  const dir = work();
  const blank = (t: string, el: string) =>
    t.replace(new RegExp(`(<${el}>)([\\s\\S]*?)(</${el}>)`), (_, a, body: string, b) => a + body.replace(/[^\n]/g, ' ') + b);
  const file = path.join(dir, 'cib.xml');
  fs.writeFileSync(file, blank(blank(text, 'nodes'), 'status'));
  const r = spawnSync('crm_verify', ['-V', '--xml-file', file], { encoding: 'utf8', timeout: 60_000 });
  const out = (r.stdout ?? '') + (r.stderr ?? '');
  const e = errorsOf('pacemaker', out);
  return { rejected: CHECKERS.pacemaker!.rejected(r.status ?? 1, out), lines: e.lines, why: e.first };
}

const EMPTY_CIB =
  '<cib crm_feature_set="3.16.2" validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0">\n  <configuration>\n    <crm_config/>\n    <nodes/>\n    <resources/>\n    <constraints/>\n  </configuration>\n  <status/>\n</cib>\n';

/**
 * crmsh: `crm configure load update` on a throw-away empty CIB parses a crm file offline. Its own
 * ERROR lines are the refusals; agents this host does not have, crm_verify's verdict on the
 * throw-away CIB and the final commit (which always fails on a file-backed CIB in crmsh 4.4) are not.
 */
function crmsh(text: string): Verdict {
  const dir = work();
  const file = path.join(dir, 'snippet.crm');
  fs.writeFileSync(file, text);
  fs.writeFileSync(path.join(dir, 'cib.xml'), EMPTY_CIB);
  const r = spawnSync('crm', ['configure', 'load', 'update', file], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, CIB_file: path.join(dir, 'cib.xml'), HOME: dir },
  });
  // eslint-disable-next-line no-control-regex
  const out = ((r.stdout ?? '') + (r.stderr ?? '')).replace(/\x1b\[[0-9;]*m/g, '');
  const errors = out
    .split('\n')
    .map((l) => l.trim())
    .filter(
      (l) =>
        /^ERROR:/.test(l) &&
        !/got no meta-data|no such resource agent|^ERROR: \(\w+\)|crm_verify:|Call failed|NameError|could not (replace|patch)/.test(l),
    );
  // crmsh's `ERROR: 5:` counts commands, not lines of the file: no line to compare
  return { rejected: errors.length > 0, lines: [], why: errors[0] };
}

/** The checker of each real tool that reads whole files offline here. */
export const JUDGES: Partial<Record<RealTool, (text: string) => Verdict>> = {
  'haproxy -c': haproxy,
  'keepalived -t': keepalived,
  'corosync -t': corosync,
  mariadbd,
  crm_verify: crmVerify,
  crmsh,
};
