// Writes the catalogue of Pacemaker cluster properties (crm_config) from the metadata of Debian's
// Pacemaker daemons (pacemaker-schedulerd, -controld, -based). Facts only, no descriptions:
// each property's name, type, default and allowed values. Run by hand after a Pacemaker upgrade:
//   node scripts/catalog/gen-pacemaker-properties.mjs
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const properties = {};
for (const daemon of ['schedulerd', 'controld', 'based']) {
  const xml = execFileSync(`/usr/lib/pacemaker/pacemaker-${daemon}`, ['metadata'], { encoding: 'utf8' });
  for (const m of xml.matchAll(/<parameter name="([^"]+)"[^>]*>([\s\S]*?)<\/parameter>/g)) {
    const content = /<content type="([^"]+)"(?: default="([^"]*)")?/.exec(m[2]);
    const values = [...m[2].matchAll(/<option value="([^"]+)"/g)].map((o) => o[1]);
    properties[m[1]] = { t: content?.[1] ?? 'string', ...(content?.[2] !== undefined && content[2] !== '' ? { d: content[2] } : {}), ...(values.length ? { v: values } : {}) };
  }
}
const version = execFileSync('dpkg-query', ['-W', '-f', '${Version}', 'pacemaker-cli-utils'], { encoding: 'utf8' }).trim();
const sorted = Object.fromEntries(Object.keys(properties).sort().map((k) => [k, properties[k]]));
writeFileSync('server/src/engine/knowledge/pacemaker/properties.json', JSON.stringify({ source: `Pacemaker ${version} (Debian), daemon metadata`, properties: sorted }, null, 0) + '\n');
console.log(`${Object.keys(sorted).length} cluster properties of Pacemaker ${version}`);
