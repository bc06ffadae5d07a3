import { test } from 'node:test';
import { checkConf } from '../support/fixture';

test('fires on an option deprecated for removal, not on current ones', () =>
  checkConf(
    'nova.conf',
    `
  [api]
  auth_strategy = keystone
  #^^^^^^^^^^^^ info option-removal-pending
  [DEFAULT]
  debug = true
  `,
    { rules: ['option-removal-pending'] },
  ));
