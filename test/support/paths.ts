import * as path from 'node:path';

/** The repository root, from out/test/support. */
export const ROOT = path.resolve(__dirname, '../../..');
export const CLI = path.join(ROOT, 'bin', 'openstack-ha.js');
export const SERVER = path.join(ROOT, 'bin', 'openstack-ha-language-server.js');
/** A kolla-ansible folder (globals.yml and a multinode inventory) the VS Code suite opens; laid out as `kolla/` of its workspace. */
export const KOLLA_FIXTURE = path.join(ROOT, 'test', 'vscode', 'fixtures', 'kolla');
