/** package.json's schema of openstackHa.rules lists every rule id and nothing else (node scripts/gen-settings-schema.mjs). */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../../server/src/engine/rules';
import { rulesSettingSchema } from '../../server/src/tools/settings-schema';
import { ROOT } from '../support/paths';

const setting = () =>
  JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).contributes.configuration.properties['openstackHa.rules'] as {
    propertyNames: { enum: string[] };
    additionalProperties: unknown;
  };

test('openstackHa.rules in package.json is the schema the rules make: run `node scripts/gen-settings-schema.mjs` after adding a rule', () => {
  assert.deepEqual(setting(), rulesSettingSchema(ALL_RULES));
});

test('the keys must be rule ids, the values severities', () => {
  const s = setting();
  assert.deepEqual(s.propertyNames, { enum: ALL_RULES.map((r) => r.id).sort() });
  assert.ok(s.propertyNames.enum.includes('stonith-disabled') && !s.propertyNames.enum.includes('stonith-disable'));
  assert.deepEqual(s.additionalProperties, { type: 'string', enum: ['error', 'warning', 'info', 'hint', 'off'] });
});
