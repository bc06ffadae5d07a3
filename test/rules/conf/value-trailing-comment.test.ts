import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkConf, fixed } from '../../support/fixture';

test('fires on `value # note` and moves the note above the line; the type check judges the value before it', () => {
  checkConf('nova.conf', `
  [DEFAULT]
  debug = true  # for now
  #             ^^^^^^^^^ warning value-trailing-comment: '# for now' is part of the value of debug: oslo.config reads 'true  # for now'
  `, { rules: ['value-trailing-comment', 'invalid-value'] });
  assert.equal(fixed('[DEFAULT]\ndebug = true  # for now\n', 'value-trailing-comment', undefined, undefined, 'nova.conf'), '[DEFAULT]\n# for now\ndebug = true\n');
});

test('a comment at column 0 and a # inside a URL are fine', () => checkConf('nova.conf', `
  [DEFAULT]
  # debug = true
  transport_url = rabbit://u:p#1@h1:5672/
  `, { rules: ['value-trailing-comment'] }));
