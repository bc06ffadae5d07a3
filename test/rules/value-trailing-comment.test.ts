import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkConf, fixed } from '../support/fixture';

test('fires on `value # note` of a string option and moves the note above the line', () => {
  checkConf(
    'nova.conf',
    `
  [DEFAULT]
  log_dir = /var/log/nova  # for now
  #                        ^^^^^^^^^ warning value-trailing-comment: '# for now' is part of the value of log_dir: oslo.config reads '/var/log/nova  # for now'
  `,
    { rules: ['value-trailing-comment', 'invalid-value'] },
  );
  assert.equal(
    fixed('[DEFAULT]\nlog_dir = /var/log/nova  # for now\n', 'value-trailing-comment', undefined, undefined, 'nova.conf'),
    '[DEFAULT]\n# for now\nlog_dir = /var/log/nova\n',
  );
});

test('a note that makes the value invalid is the invalid-value error, not a warning, with the same fix', () => {
  checkConf(
    'nova.conf',
    `
  [DEFAULT]
  debug = true  # for now
  #       ^^^^^^^^^^^^^^^ error invalid-value: [DEFAULT] debug must be a boolean (true/false, yes/no, on/off, 1/0), not 'true  # for now' (oslo.config keeps '# for now' in the value)
  `,
    { rules: ['value-trailing-comment', 'invalid-value'] },
  );
  assert.equal(
    fixed('[DEFAULT]\ndebug = true  # for now\n', 'invalid-value', undefined, undefined, 'nova.conf'),
    '[DEFAULT]\n# for now\ndebug = true\n',
  );
  // an invalid value with or without the note: said so, and no fix that would not mend it
  checkConf(
    'nova.conf',
    `
  [DEFAULT]
  debug = maybe  # for now
  #       ^^^^^^^^^^^^^^^^ error invalid-value: [DEFAULT] debug must be a boolean (true/false, yes/no, on/off, 1/0), not 'maybe  # for now' (oslo.config keeps '# for now' in the value; without the note, 'maybe' is still not)
  `,
    { rules: ['value-trailing-comment', 'invalid-value'] },
  );
  // with invalid-value switched off, the warning speaks
  checkConf(
    'nova.conf',
    `
  [DEFAULT]
  debug = true  # for now
  #             ^^^^^^^^^ warning value-trailing-comment: '# for now' is part of the value of debug: oslo.config reads 'true  # for now'
  `,
    { rules: ['value-trailing-comment'], config: { rules: { 'invalid-value': 'off' } } },
  );
});

test('a comment at column 0 and a # inside a URL are fine', () =>
  checkConf(
    'nova.conf',
    `
  [DEFAULT]
  # debug = true
  transport_url = rabbit://u:p#1@h1:5672/
  `,
    { rules: ['value-trailing-comment'] },
  ));
