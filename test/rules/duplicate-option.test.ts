import { test } from 'node:test';
import { checkConf } from '../support/fixture';

test('fires on the ignored earlier value, across repeated sections; multi-valued options may repeat', () =>
  checkConf(
    'nova.conf',
    `
  [DEFAULT]
  debug = false
  #^^^^ warning duplicate-option: [DEFAULT] debug is set again on line 7; oslo.config uses that value and ignores this one
  [pci]
  alias = {"name": "a"}
  [DEFAULT]
  debug = true
  [pci]
  alias = {"name": "b"}
  `,
    { rules: ['duplicate-option'] },
  ));
