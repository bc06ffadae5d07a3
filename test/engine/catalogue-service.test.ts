/**
 * Completion and hover over every option of every shipped catalogue, in every section: the
 * catalogue holds defaults of every type (cinder's sample_default 8, neutron's list of dicts), and
 * one of them made completion throw in [DEFAULT] of cinder.conf and neutron.conf at every request.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { languageOf } from '../../server/src/engine/languages';
import { EMPTY_CONFIG } from '../../server/src/engine/config';
import { catalogFiles, catalogFor, KNOWN_RELEASES } from '../../server/src/engine/knowledge/options/catalog';

const conf = languageOf('oslo-conf');
const docLink = (id: string) => `file:///docs/${id}.md`;

for (const release of KNOWN_RELEASES)
  test(`every option of the ${release} catalogues completes and hovers without throwing`, () => {
    let sections = 0;
    let options = 0;
    let completed = 0;
    for (const file of catalogFiles(release)) {
      const catalog = catalogFor(file, release)!;
      const config = { ...EMPTY_CONFIG, release };
      for (const section of catalog.sectionNames()) {
        sections++;
        const keys = [...catalog.options(section).keys()];
        // the keys completed on an empty line of the section
        const head = `[${section}]\n`;
        const empty = conf.lint(`/etc/x/${file}`, head + '\n', config, {});
        const offered = conf.service.complete!(empty, head + '\n', head.length);
        assert.ok(offered, `${file} [${section}]: no completion`);
        completed += offered.items.length;
        for (const item of offered.items) assert.equal(typeof item.insertText, 'string', `${file} [${section}] ${item.label}`);
        // each option's values completed after `key = `, and its hover
        const body = keys.map((k) => `${k} = x\n`).join('');
        const text = head + body;
        const r = conf.lint(`/etc/x/${file}`, text, config, {});
        let at = head.length;
        for (const key of keys) {
          options++;
          const h = conf.service.hover!(r, at + 1, docLink);
          assert.ok(h && typeof h.markdown === 'string', `${file} [${section}] ${key}: no hover`);
          const line = `${key} = `;
          const t = head + line;
          conf.service.complete!(conf.lint(`/etc/x/${file}`, head, config, {}), t, t.length);
          at += key.length + 5;
        }
      }
    }
    // every catalogue was walked: the shipped files have thousands of options
    assert.ok(sections > 100 && options > 5000 && completed > 5000, `${sections} sections, ${options} options, ${completed} completed`);
  });
