/** The HA manifest: the deployment as its designer describes it (nodes, clusters, VIPs, services). */
import type { Language } from './language';
import { KIND_GLOBS } from '../kinds';
import { Finding } from '../types';
import { LineIndex } from '../text/line-index';
import { parseManifestText } from '../documents/manifest/parse';
import { buildManifest, Manifest } from '../documents/manifest/model';
import { emptyManifestFinding, validateManifest } from '../documents/manifest/validate';
import { isManifestPath, isYamlPath, looksLikeManifest } from '../documents/manifest/recognise';
import { EMPTY_CONFIG, LintConfig } from '../config';
import { rulesFor } from '../rules';
import { finish, LintResult, ManifestParser, runRules } from '../check';
import { hover } from '../service/hover';
import { complete } from '../service/completion';
import { documentSymbols } from '../service/navigation';

const RULES = rulesFor('manifest');
const FULL_PARSER: ManifestParser = { parse: parseManifestText };

export function lintManifest(text: string, config: LintConfig = EMPTY_CONFIG, parser: ManifestParser = FULL_PARSER): LintResult {
  const lines = new LineIndex(text);
  const parsed = parser.parse(text);
  const raw: Finding[] = [...parsed.findings];
  let manifest: Manifest | undefined;
  if (!parsed.doc && parsed.ok) raw.push(emptyManifestFinding(text));
  if (parsed.doc && parsed.ok) {
    raw.push(...validateManifest(parsed.doc, text));
    const m = buildManifest(parsed.doc, config.environment ?? 'production');
    manifest = m;
    runRules(RULES, config, raw, (report) => ({ manifest: m, text, environment: m.environment, report }));
  }
  return { kind: 'manifest', findings: finish(raw, text, lines, config), manifest, parsed, lines };
}

export const manifest: Language<'manifest'> = {
  kind: 'manifest',
  label: 'HA manifest',
  globs: KIND_GLOBS.manifest,
  // a manifest by name is claimed whatever it holds: its parser says what is wrong with it
  claims: (p) => isManifestPath(p),
  recognise: (p, h) => isManifestPath(p) || (isYamlPath(p) && looksLikeManifest(h)),
  lint: (_path, text, config, _context, parser) => lintManifest(text, config, parser),
  service: {
    hover: (r, o, d) => (r.manifest ? hover(r.manifest, r.findings, o, d) : undefined),
    complete: (r, t, o) => complete(t, o, r.manifest),
    symbols: (r) => (r.manifest ? documentSymbols(r.manifest) : []),
  },
};
