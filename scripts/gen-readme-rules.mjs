// Writes the rule table of README.md from the rules' metadata (id, severity, fix, title, real tool),
// so the table and the code say the same; test/engine/docs-and-examples.test.ts checks that they do.
//   npm run build && npx tsc -p tsconfig.test.json && node scripts/gen-readme-rules.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { ALL_RULES } = require('../out/server/src/engine/rules/index.js');
const { ruleTable } = require('../out/server/src/tools/rule-table.js');
const readme = readFileSync('README.md', 'utf8');
const start = readme.indexOf('| rule | default |');
const end = readme.indexOf('\n\n', start);
writeFileSync('README.md', readme.slice(0, start) + ruleTable(ALL_RULES) + readme.slice(end));
console.log(`${ALL_RULES.length} rules written to README.md`);
