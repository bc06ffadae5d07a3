// Writes the catalogue of Pacemaker cluster properties (crm_config) from the metadata of Debian's
// Pacemaker daemons (pacemaker-schedulerd, -controld, -based). Facts only, no descriptions:
// each property's name, type, default and allowed values, and the names and values its schema no
// longer takes. Run by hand after a Pacemaker upgrade:
//   node scripts/catalog/gen-pacemaker-properties.mjs
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const properties = {};
for (const daemon of ['schedulerd', 'controld', 'based']) {
  const xml = execFileSync(`/usr/lib/pacemaker/pacemaker-${daemon}`, ['metadata'], { encoding: 'utf8' });
  for (const m of xml.matchAll(/<parameter name="([^"]+)"[^>]*>([\s\S]*?)<\/parameter>/g)) {
    const content = /<content type="([^"]+)"(?: default="([^"]*)")?/.exec(m[2]);
    const values = [...m[2].matchAll(/<option value="([^"]+)"/g)].map((o) => o[1]);
    properties[m[1]] = {
      t: content?.[1] ?? 'string',
      ...(content?.[2] !== undefined && content[2] !== '' ? { d: content[2] } : {}),
      ...(values.length ? { v: values } : {}),
    };
  }
}
// the names Pacemaker's schema (options-<newest>.rng, `cluster_property_set.nvpair.name-value-unsupported`)
// no longer takes in a cluster property set, and the cluster-infrastructure values it refuses
const rngs = readdirSync('/usr/share/pacemaker')
  .filter((f) => /^options-\d+\.\d+\.rng$/.test(f))
  .sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
const rng = readFileSync(`/usr/share/pacemaker/${rngs[rngs.length - 1]}`, 'utf8');
const unsupported = rng.slice(rng.indexOf('name="cluster_property_set.nvpair.name-value-unsupported"'));
const excepts = [...unsupported.matchAll(/<except>([\s\S]*?)<\/except>/g)].map((m) =>
  [...m[1].matchAll(/<value>([^<]+)<\/value>/g)].map((v) => v[1]),
);
const [infrastructure, removed] = excepts;
const version = execFileSync('dpkg-query', ['-W', '-f', '${Version}', 'pacemaker-cli-utils'], { encoding: 'utf8' }).trim();
const sorted = Object.fromEntries(
  Object.keys(properties)
    .sort()
    .map((k) => [k, properties[k]]),
);
writeFileSync(
  'server/src/engine/knowledge/pacemaker/properties.json',
  JSON.stringify(
    {
      source: `Pacemaker ${version} (Debian), daemon metadata`,
      properties: sorted,
      removed: removed.filter((n) => n !== 'cluster-infrastructure'),
      infrastructureRemoved: infrastructure,
    },
    null,
    0,
  ) + '\n',
);
console.log(`${Object.keys(sorted).length} cluster properties of Pacemaker ${version}`);
