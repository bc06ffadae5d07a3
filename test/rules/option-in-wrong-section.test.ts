import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkConf, fixed } from '../support/fixture';

test('fires with the section that has the option, and moves it', () => {
  checkConf(
    'neutron.conf',
    `
  [DEFAULT]
  max_retries = -1
  #^^^^^^^^^^ warning option-in-wrong-section: 'max_retries' is not read in [DEFAULT]; it belongs in [database]
  [database]
  connection = sqlite://
  `,
    { rules: ['option-in-wrong-section'] },
  );
  assert.equal(
    fixed(
      '[DEFAULT]\nmax_retries = -1\n[database]\nconnection = sqlite://\n',
      'option-in-wrong-section',
      undefined,
      undefined,
      'neutron.conf',
    ),
    '[DEFAULT]\n[database]\nconnection = sqlite://\nmax_retries = -1\n',
  );
});
