import * as path from 'node:path';

/** The repository root, from out/test/support. */
export const ROOT = path.resolve(__dirname, '../../..');
export const CLI = path.join(ROOT, 'bin', 'openstack-ha.js');
export const SERVER = path.join(ROOT, 'bin', 'openstack-ha-language-server.js');
