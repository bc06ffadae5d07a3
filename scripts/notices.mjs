// The licences of the packages esbuild bundled into dist/: MIT, ISC and BSD ask that their notice travel
// with every copy, and the bundles are copies. Read from esbuild's metafiles, so the list is exactly what
// went in (a package dropped from the bundles drops out of the notices).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The node_modules package folders (e.g. node_modules/@scope/name) of a metafile's inputs. */
function bundledPackages(metafile) {
  const dirs = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    // the innermost node_modules names the package (a nested copy is its own package)
    const at = input.lastIndexOf('node_modules/');
    if (at < 0) continue;
    const rest = input.slice(at + 'node_modules/'.length).split('/');
    dirs.add(input.slice(0, at) + 'node_modules/' + rest.slice(0, rest[0].startsWith('@') ? 2 : 1).join('/'));
  }
  return dirs;
}

/** The licence file a package ships (LICENSE, LICENSE.md, License.txt, LICENCE ...), or undefined. */
function licenceText(dir) {
  const name = readdirSync(dir).find((f) => /^licen[cs]e(\.(md|txt))?$/i.test(f));
  return name ? readFileSync(join(dir, name), 'utf8').trim() : undefined;
}

/**
 * Writes dist/THIRD-PARTY-NOTICES.md for the given metafiles and returns the packages it names.
 * A bundled package without a licence file fails the build: shipping it without its notice is not allowed.
 */
export function writeNotices(root, metafiles) {
  const dirs = new Set(metafiles.flatMap((m) => [...bundledPackages(m)]));
  const entries = [...dirs]
    .filter((d) => existsSync(join(root, d, 'package.json')))
    .map((d) => {
      const pkg = JSON.parse(readFileSync(join(root, d, 'package.json'), 'utf8'));
      const text = licenceText(join(root, d));
      if (!text) throw new Error(`${pkg.name} is bundled into dist/ but ships no licence file`);
      return { name: pkg.name, version: pkg.version, license: pkg.license, text };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const seen = new Set();
  const unique = entries.filter((e) => !seen.has(`${e.name}@${e.version}`) && seen.add(`${e.name}@${e.version}`));
  const body = unique.map((e) => `## ${e.name} ${e.version} (${e.license})\n\n\`\`\`\n${e.text}\n\`\`\`\n`).join('\n');
  writeFileSync(
    join(root, 'dist/THIRD-PARTY-NOTICES.md'),
    '# Third-party notices\n\nThe bundles in this folder include code from these packages, under these licences.\n' +
      'elkjs ships apart, as elk.js, with its licence in elk.LICENSE.md.\n\n' +
      body,
  );
  return unique.map((e) => e.name);
}
