/**
 * The language server reads the workspace from disk with the CLI's reader (issue 11): a FIFO, a link
 * to /dev/zero or a huge file in a workspace folder is left out without being opened, so none can
 * block the server. Run in a child process: a blocked open would otherwise hang the test itself.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';

const LSP = path.join(__dirname, '..', '..', 'server', 'src', 'lsp');

test(
  'a FIFO, a link to /dev/zero and a 2 MB file in the workspace are left out, and reading the folder ends',
  { skip: process.platform === 'win32' },
  () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osha-wsf-'));
    fs.mkdirSync(path.join(dir, 'etc/keepalived'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'etc/nova'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'big/etc/keepalived'), { recursive: true });
    spawnSync('mkfifo', [path.join(dir, 'etc/keepalived/keepalived.conf')]);
    fs.symlinkSync('/dev/zero', path.join(dir, 'etc/nova/nova.conf'));
    fs.writeFileSync(path.join(dir, 'big/etc/keepalived/keepalived.conf'), 'vrrp_instance x {\n}\n'.repeat(110_000));
    fs.writeFileSync(path.join(dir, 'site.ha.yaml'), 'apiVersion: openstack-ha/v1\nkind: Deployment\n');
    const script = `
    const { WorkspaceFiles } = require(${JSON.stringify(path.join(LSP, 'workspace-files'))});
    const { AnalysisCache } = require(${JSON.stringify(path.join(LSP, 'analysis'))});
    const a = new AnalysisCache();
    const w = new WorkspaceFiles(a, { isOpen: () => false, cleared() {}, changed() {} });
    w.changeFolders([process.argv[1]], []);
    const listed = w.readAll();
    // a FIFO created, then a buffer on it closed: both go back to the disk
    w.onDisk(process.argv[1] + '/etc/keepalived/keepalived.conf', false);
    const closed = w.closed(process.argv[1] + '/etc/keepalived/keepalived.conf', 'x');
    process.stdout.write(JSON.stringify({ listed, closed, paths: a.workspace.paths().map((p) => p.slice(p.lastIndexOf('/osha-wsf-')).replace(/^\\/[^/]+\\//, '')) }));
  `;
    const r = spawnSync(process.execPath, ['-e', script, dir], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(r.signal, null, 'reading the workspace did not end');
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { listed: 4, closed: false, paths: ['site.ha.yaml'] });
  },
);
