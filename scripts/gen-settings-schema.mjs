// Writes the schema of the openstackHa.rules setting in package.json from the rules' metadata, so
// settings.json knows every rule id; test/package/settings-schema.test.ts checks that they agree.
//   npm run build && npx tsc -p tsconfig.test.json && node scripts/gen-settings-schema.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { ALL_RULES } = require('../out/server/src/engine/rules/index.js');
const { rulesSettingSchema } = require('../out/server/src/tools/settings-schema.js');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const props = pkg.contributes.configuration.properties;
props['openstackHa.rules'] = rulesSettingSchema(ALL_RULES);
writeFileSync('package.json', JSON.stringify(pkg, null, 2) + '\n');
console.log(`${ALL_RULES.length} rule ids written to openstackHa.rules in package.json`);
