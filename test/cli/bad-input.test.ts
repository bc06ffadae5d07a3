/**
 * The built CLI on files that are not what they seem (issue 11): FIFOs, devices, huge files,
 * unreadable and read-only files, UTF-16, empty arguments, symbolic links and their loops. Each run
 * must end promptly, report the file with an exact message, go on with the other files, and exit
 * with the documented status.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync, SpawnSyncOptions } from 'node:child_process';
import { CLI } from '../support/paths';
import { THREE_UNFENCED } from '../support/cli';

const posix = process.platform !== 'win32';
/** As root, chmod stops nothing: the runs that need a denied read or write are made as nobody. */
const AS_NOBODY: SpawnSyncOptions = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

function run(args: string[], cwd: string, opts: SpawnSyncOptions & { preload?: string } = {}) {
  const started = Date.now();
  const pre = opts.preload ? ['--require', opts.preload] : [];
  const r = spawnSync(process.execPath, [...pre, CLI, ...args], { cwd, encoding: 'utf8', timeout: 30_000, ...opts });
  return { code: r.status, out: String(r.stdout), err: String(r.stderr), ms: Date.now() - started, error: r.error };
}

/** A temporary folder with these files, readable (and its folders writable) by everyone, so nobody can run in it. */
function workspace(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osha-bad-'));
  fs.chmodSync(dir, 0o777);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true, mode: 0o777 });
    fs.writeFileSync(path.join(dir, name), text);
    fs.chmodSync(path.join(dir, name), 0o666);
    for (let d = path.dirname(name); d !== '.'; d = path.dirname(d)) fs.chmodSync(path.join(dir, d), 0o777);
  }
  return dir;
}

const MANIFEST = THREE_UNFENCED;
const STONITH = (file: string) =>
  `${file}:8:39  error  cluster 'ctl' (3 members) has STONITH off in a production deployment: a node that stops answering may still write while its resources start elsewhere  stonith-disabled`;
const KA = (vrid: number, prio: number) =>
  `vrrp_instance internal {\n    state BACKUP\n    interface br-mgmt\n    virtual_router_id ${vrid}\n    priority ${prio}\n    virtual_ipaddress {\n        10.0.0.11/24\n    }\n}\n`;

test('a FIFO named keepalived.conf is refused unopened: a finding in a folder run, exit 2 when named', { skip: !posix }, () => {
  const dir = workspace({ 'site.ha.yaml': MANIFEST });
  fs.mkdirSync(path.join(dir, 'etc/keepalived'), { recursive: true });
  spawnSync('mkfifo', [path.join(dir, 'etc/keepalived/keepalived.conf')]);
  assert.ok(fs.statSync(path.join(dir, 'etc/keepalived/keepalived.conf')).isFIFO());
  const fifo = path.join('etc', 'keepalived', 'keepalived.conf');
  const folder = run(['lint', '.'], dir);
  assert.ok(folder.ms < 10_000, `took ${folder.ms} ms`);
  assert.equal(
    folder.out,
    [
      fifo,
      `${fifo}:1:1  warning  this file is not read: it is a FIFO (named pipe), not a regular file  file-unreadable`,
      '',
      'site.ha.yaml',
      STONITH('site.ha.yaml'),
      '',
      '1 error, 1 warning, 0 info in 1 of 1 file checked (1 HA manifest); 1 file or folder not read',
      '',
    ].join('\n'),
  );
  assert.equal(folder.err, '');
  assert.equal(folder.code, 1, 'the manifest has an error');
  const named = run(['lint', '--format', 'json', fifo, 'site.ha.yaml'], dir);
  assert.equal(named.code, 2);
  assert.equal(named.err, `openstack-ha: cannot read ${fifo}: it is a FIFO (named pipe), not a regular file\n`);
  const j = JSON.parse(named.out);
  assert.deepEqual(
    j.diagnostics.map((d: { file: string; rule: string; severity: string; message: string; range: unknown }) => [
      d.file,
      d.rule,
      d.severity,
      d.message,
      d.range,
    ]),
    [
      [
        fifo,
        'file-unreadable',
        'warning',
        'this file is not read: it is a FIFO (named pipe), not a regular file',
        { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      ],
      [
        'site.ha.yaml',
        'stonith-disabled',
        'error',
        j.diagnostics[1].message,
        { start: { line: 7, character: 38 }, end: { line: 7, character: 43 } },
      ],
    ],
  );
  assert.deepEqual(j.files, [{ file: 'site.ha.yaml', kind: 'manifest' }], 'the FIFO was not checked');
  const sarif = JSON.parse(run(['lint', '--format', 'sarif', fifo], dir).out).runs[0];
  const result = sarif.results[0];
  assert.equal(result.ruleId, 'file-unreadable');
  assert.equal(sarif.tool.driver.rules[result.ruleIndex].id, 'file-unreadable');
  assert.equal(result.message.text, 'this file is not read: it is a FIFO (named pipe), not a regular file');
});

test('nova.conf linked to /dev/zero is refused without a read', { skip: !posix || !fs.existsSync('/dev/zero') }, () => {
  const dir = workspace({ 'etc/glance/glance-api.conf': '[DEFAULT]\nbind_port = 9292\n' });
  fs.mkdirSync(path.join(dir, 'etc/nova'));
  fs.symlinkSync('/dev/zero', path.join(dir, 'etc/nova/nova.conf'));
  const nova = path.join('etc', 'nova', 'nova.conf');
  for (const args of [
    ['lint', '.'],
    ['lint', nova],
  ]) {
    const r = run(args, dir);
    assert.ok(r.ms < 10_000, `took ${r.ms} ms`);
    assert.match(r.out, /^etc\/nova\/nova\.conf\n/);
    assert.ok(
      r.out.includes(
        `${nova}:1:1  warning  this file is not read: it is a symbolic link to a character device, not a regular file  file-unreadable\n`,
      ),
      r.out,
    );
    assert.equal(r.code, args[1] === '.' ? 0 : 2);
  }
  assert.equal(
    run(['lint', nova], dir).err,
    `openstack-ha: cannot read ${nova}: it is a symbolic link to a character device, not a regular file\n`,
  );
});

test('a 50 MB keepalived.conf is refused by its size before it is read: quick, bounded memory, its peer not compared with it', () => {
  const block = KA(51, 101);
  const big = Buffer.from(block.repeat(Math.ceil((50 * 1024 * 1024) / block.length)));
  const dir = workspace({ 'node2/etc/keepalived/keepalived.conf': KA(52, 100) });
  fs.mkdirSync(path.join(dir, 'node1/etc/keepalived'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'node1/etc/keepalived/keepalived.conf'), big);
  // the child's peak resident memory, written at its exit
  const preload = path.join(dir, 'maxrss.js');
  fs.writeFileSync(preload, "process.on('exit', () => process.stderr.write('maxrss ' + process.resourceUsage().maxRSS + '\\n'));\n");
  const r = run(['lint', '.'], dir, { preload });
  const node1 = path.join('node1', 'etc', 'keepalived', 'keepalived.conf');
  assert.equal(
    r.out,
    [
      node1,
      `${node1}:1:1  warning  the file has ${big.length} bytes; files over 1048576 bytes are not analysed  file-too-large`,
      '',
      '0 errors, 1 warning, 0 info in 1 of 2 files checked (2 keepalived.conf)',
      '',
    ].join('\n'),
  );
  assert.equal(r.code, 0);
  assert.ok(r.ms < 10_000, `took ${r.ms} ms`);
  const kb = Number(/maxrss (\d+)/.exec(r.err)?.[1]);
  fs.rmSync(dir, { recursive: true, force: true }); // 50 MB not left behind in the temporary folder
  assert.ok(kb > 0 && kb < 200 * 1024, `peak memory ${kb} kB`);
});

test('a keepalived.conf over the bound but under the old one (2 MB) gives no peer facts: its neighbour gets no 30,000 findings', () => {
  const block = KA(51, 101);
  const dir = workspace({
    'node1/etc/keepalived/keepalived.conf': block.repeat(Math.ceil((2 * 1024 * 1024) / block.length)),
    'node2/etc/keepalived/keepalived.conf': KA(52, 100),
  });
  const j = JSON.parse(run(['lint', '--format', 'json', '.'], dir).out);
  fs.rmSync(dir, { recursive: true, force: true });
  assert.deepEqual(
    j.diagnostics.map((d: { file: string; rule: string }) => `${d.file} ${d.rule}`),
    [`${path.join('node1', 'etc', 'keepalived', 'keepalived.conf')} file-too-large`],
  );
});

test('an unreadable file or folder (chmod 000) is reported, and the rest of the folder is checked', { skip: !posix }, () => {
  const dir = workspace({
    'site.ha.yaml': MANIFEST,
    'notes/secret.txt': 'password = Hunter2x\n',
    'locked/etc/nova/nova.conf': '[DEFAULT]\n',
  });
  fs.chmodSync(path.join(dir, 'notes/secret.txt'), 0o000);
  fs.chmodSync(path.join(dir, 'locked'), 0o000);
  const r = run(['lint', '.'], dir, AS_NOBODY);
  assert.equal(r.error, undefined);
  const secret = path.join('notes', 'secret.txt');
  assert.equal(
    r.out,
    [
      'locked',
      'locked:1:1  warning  this folder is not walked: permission denied  file-unreadable',
      '',
      secret,
      `${secret}:1:1  warning  this file is not read: permission denied  file-unreadable`,
      '',
      'site.ha.yaml',
      STONITH('site.ha.yaml'),
      '',
      '1 error, 2 warnings, 0 info in 1 of 1 file checked (1 HA manifest); 2 files or folders not read',
      '',
    ].join('\n'),
  );
  assert.equal(r.code, 1, 'exit status from the findings: the unreadable files are warnings');
  // named on the command line: the run goes on, then exits 2
  const named = run(['lint', secret, 'site.ha.yaml'], dir, AS_NOBODY);
  assert.equal(named.code, 2);
  assert.equal(named.err, `openstack-ha: cannot read ${secret}: permission denied\n`);
  assert.match(
    named.out,
    /stonith-disabled\n\n1 error, 1 warning, 0 info in 1 of 1 file checked \(1 HA manifest\); 1 file or folder not read\n$/,
  );
  for (const x of [r, named]) assert.ok(!x.out.includes('Hunter2x') && !x.err.includes('Hunter2x'));
  const folder = run(['lint', 'locked'], dir, AS_NOBODY);
  assert.equal(folder.code, 2);
  assert.equal(folder.err, 'openstack-ha: cannot read locked: permission denied\n');
  // configured off like any rule
  fs.writeFileSync(path.join(dir, '.openstack-ha.yaml'), 'rules: { file-unreadable: off }\n', { mode: 0o644 });
  assert.match(run(['lint', '.'], dir, AS_NOBODY).out, /^site\.ha\.yaml\n/);
});

test('--fix on a read-only file reports it and goes on: the other files are fixed, the run exits 2', { skip: !posix }, () => {
  const ro = `# password: Hunter2x\n${MANIFEST}`;
  const dir = workspace({ 'a-readonly.ha.yaml': ro, 'b-writable.ha.yaml': MANIFEST });
  fs.chmodSync(path.join(dir, 'a-readonly.ha.yaml'), 0o444);
  const r = run(['lint', '--fix', '.'], dir, AS_NOBODY);
  assert.equal(r.error, undefined);
  assert.equal(r.err, 'openstack-ha: cannot write a-readonly.ha.yaml: permission denied; its fixes are not applied\n');
  assert.equal(r.code, 2);
  // the read-only file is reported as it stands on disk
  assert.equal(
    r.out,
    [
      'a-readonly.ha.yaml',
      `a-readonly.ha.yaml:9:39  error  cluster 'ctl' (3 members) has STONITH off in a production deployment: a node that stops answering may still write while its resources start elsewhere  stonith-disabled`,
      '',
      '1 error, 0 warnings, 0 info in 1 of 2 files checked (2 HA manifests)',
      '',
    ].join('\n'),
  );
  assert.equal(fs.readFileSync(path.join(dir, 'a-readonly.ha.yaml'), 'utf8'), ro);
  assert.equal(fs.readFileSync(path.join(dir, 'b-writable.ha.yaml'), 'utf8'), MANIFEST.replace('stonith: false', 'stonith: true'));
  assert.ok(!r.out.includes('Hunter2x') && !r.err.includes('Hunter2x'));
});

test('UTF-16 files with a byte order mark (LE and BE) are read as their text, and --fix writes them back as UTF-16', () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MANIFEST, 'utf16le')]);
  const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(MANIFEST, 'utf16le').swap16()]);
  const u8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(MANIFEST)]);
  const nova = Buffer.from('\ufeff[DEFAULT]\nfoo_bar_unknown = 1\n', 'utf16le');
  const dir = workspace({ 'm/le.ha.yaml': le, 'm/be.ha.yaml': be, 'm/u8.ha.yaml': u8, 'conf/etc/nova/nova.conf': nova });
  const r = run(['lint', '--config', '/dev/null', 'm', 'conf'], dir);
  const conf = path.join('conf', 'etc', 'nova', 'nova.conf');
  assert.equal(
    r.out,
    [
      conf,
      `${conf}:2:1  warning  'foo_bar_unknown' is not an option of [DEFAULT] in nova.conf (2025.1)  unknown-option`,
      '',
      path.join('m', 'be.ha.yaml'),
      STONITH(path.join('m', 'be.ha.yaml')),
      '',
      path.join('m', 'le.ha.yaml'),
      STONITH(path.join('m', 'le.ha.yaml')),
      '',
      path.join('m', 'u8.ha.yaml'),
      STONITH(path.join('m', 'u8.ha.yaml')),
      '',
      '3 errors, 1 warning, 0 info in 4 of 4 files checked (3 HA manifests, 1 OpenStack service config)',
      '',
    ].join('\n'),
  );
  assert.equal(r.err, '');
  assert.equal(run(['lint', '--fix', '.'], dir).code, 0);
  const fixed = MANIFEST.replace('stonith: false', 'stonith: true');
  assert.deepEqual(
    fs.readFileSync(path.join(dir, 'm', 'le.ha.yaml')),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fixed, 'utf16le')]),
  );
  assert.deepEqual(
    fs.readFileSync(path.join(dir, 'm', 'be.ha.yaml')),
    Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(fixed, 'utf16le').swap16()]),
  );
  assert.deepEqual(
    fs.readFileSync(path.join(dir, 'm', 'u8.ha.yaml')),
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(fixed)]),
  );
});

test("`lint ''` is a usage error, not a run over the current folder", () => {
  const dir = workspace({ 'site.ha.yaml': MANIFEST });
  for (const args of [
    ['lint', ''],
    ['lint', 'site.ha.yaml', ''],
  ]) {
    const r = run(args, dir);
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.match(r.err, /^openstack-ha: an empty PATH is not a path \(name the current folder '\.'\)\nUsage: openstack-ha lint /);
  }
});

test('symbolic links to files and folders are followed; loops and dangling links are reported, and the run ends', { skip: !posix }, () => {
  const dir = workspace({ 'shared/site.ha.yaml': MANIFEST, 'shared/etc/nova/nova.conf': '[DEFAULT]\n' });
  fs.mkdirSync(path.join(dir, 'node1/etc'), { recursive: true });
  fs.symlinkSync('../../shared/etc/nova', path.join(dir, 'node1/etc/nova')); // a folder
  fs.symlinkSync('../shared/site.ha.yaml', path.join(dir, 'node1/site.ha.yaml')); // a file
  fs.symlinkSync('..', path.join(dir, 'shared/etc/up')); // a folder that contains the link
  fs.symlinkSync('b.ha.yaml', path.join(dir, 'a.ha.yaml')); // a loop of two links
  fs.symlinkSync('a.ha.yaml', path.join(dir, 'b.ha.yaml'));
  fs.symlinkSync('gone.ha.yaml', path.join(dir, 'dangling.ha.yaml'));
  const r = run(['lint', '--format', 'json', '.'], dir);
  assert.ok(r.ms < 10_000, `took ${r.ms} ms`);
  const j = JSON.parse(r.out);
  assert.deepEqual(j.files, [
    { file: 'node1/site.ha.yaml', kind: 'manifest' },
    { file: 'shared/site.ha.yaml', kind: 'manifest' },
    { file: 'node1/etc/nova/nova.conf', kind: 'oslo-conf' },
    { file: 'shared/etc/nova/nova.conf', kind: 'oslo-conf' },
  ]);
  assert.deepEqual(
    j.diagnostics
      .filter((d: { rule: string }) => d.rule === 'file-unreadable')
      .map((d: { file: string; message: string }) => `${d.file}: ${d.message}`),
    [
      'a.ha.yaml: this file is not read: it is a symbolic link in a loop',
      'b.ha.yaml: this file is not read: it is a symbolic link in a loop',
      'dangling.ha.yaml: this file is not read: it is a symbolic link to a file that does not exist',
      'shared/etc/up: this folder is not walked: it is a symbolic link to a folder that contains it (a loop)',
    ],
  );
  assert.equal(r.code, 1, 'the manifests have errors');
  const named = run(['lint', 'a.ha.yaml'], dir);
  assert.equal(named.code, 2);
  assert.equal(named.err, 'openstack-ha: cannot read a.ha.yaml: it is a symbolic link in a loop\n');
});

test('a folder deeper than the walk goes is reported, not dropped', () => {
  const deep = Array.from({ length: 42 }, (_, i) => `d${i + 1}`).join('/');
  const dir = workspace({ [`${deep}/nova.conf`]: '[DEFAULT]\n', 'etc/nova/nova.conf': '[DEFAULT]\n' });
  const r = run(['lint', '.'], dir);
  const d41 = path.join(...deep.split('/').slice(0, 41));
  assert.equal(
    r.out,
    [
      d41,
      `${d41}:1:1  warning  this folder is not walked: it is nested more than 40 folders deep  file-unreadable`,
      '',
      '0 errors, 1 warning, 0 info in 0 of 1 file checked (1 OpenStack service config); 1 file or folder not read',
      '',
    ].join('\n'),
  );
  assert.equal(r.code, 0);
});
