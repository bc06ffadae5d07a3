import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkConf, fixed } from '../support/fixture';

const rules = ['unknown-section'];

test('fires on a misspelt section and on [default] in lower case', () =>
  checkConf(
    'nova.conf',
    `
  [default]
  #^^^^^^^^ warning unknown-section: [default] is not a section nova.conf has in 2025.1; did you mean [DEFAULT]? (its 1 option is ignored)
  debug = true
  [keystone_authtokn]
  #^^^^^^^^^^^^^^^^^^ warning unknown-section: [keystone_authtokn] is not a section nova.conf has in 2025.1; did you mean [keystone_authtoken]? (its 1 option is ignored)
  auth_type = password
  `,
    { rules },
  ));

test('an empty header left from a sample file ignores nothing and is not reported', () =>
  checkConf(
    'nova.conf',
    `
  [DEFAULT]
  debug = false
  [hyperv]
  [cells]
  # cell_type = api
  [keystone_authtoken]
  auth_type = password
  `,
    { rules },
  ));

test('section names other than DEFAULT are case-insensitive; backend sections named by enabled_backends are known', () =>
  checkConf(
    'cinder.conf',
    `
  [DEFAULT]
  enabled_backends = lvm-1, ceph
  [Database]
  connection = sqlite://
  [lvm-1]
  volume_driver = cinder.volume.drivers.lvm.LVMVolumeDriver
  [ceph]
  rbd_pool = volumes
  `,
    { rules },
  ));

test('the fix renames the section', () => {
  assert.equal(
    fixed('[keystone_authtokn]\nauth_type = password\n', 'unknown-section', undefined, undefined, 'nova.conf'),
    '[keystone_authtoken]\nauth_type = password\n',
  );
});
