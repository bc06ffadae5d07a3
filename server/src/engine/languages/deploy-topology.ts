/**
 * The manifest's topology rules over a deployment tool's deployment: its model written as a manifest
 * (documents/deploy/to-manifest.ts), the rules run on that, and each finding taken back to the
 * place in the user's files that gave the fact; a file keeps the findings placed in it. Only the
 * rules about the topology run: the written manifest's own schema is ours, not the user's.
 */
import type { Finding, Related } from '../types';
import type { LintConfig } from '../config';
import type { DeployModel } from '../documents/deploy/model';
import { placeOf, toManifest } from '../documents/deploy/to-manifest';
import { parseManifestText } from '../documents/manifest/parse';
import { buildManifest } from '../documents/manifest/model';
import { rulesFor } from '../rules';
import { runRules } from '../check';

/**
 * The manifest rules that speak of the topology a deployment tool's files give (sizes, quorum,
 * addresses, VIPs, failure domains). The others need what these files do not say, or read a
 * manifest's declared intent that a tool's files do not carry: single-controller-ha and vip-missing
 * judge a manifest that declares HA (kolla asks every deployment for a VIP, lab or not); the
 * Pacemaker rules (stonith, quorum policy, two_node) read cluster properties kolla and OSA do not
 * write; the service rules (modes, balancers, backends) would judge our conversion, not the user's files.
 */
export const TOPOLOGY_RULES = [
  'cluster-even-node-count',
  'cluster-min-three-nodes',
  'address-conflict',
  'lb-single-point-of-failure',
  'failure-domain-concentration',
  'failure-domain-loss',
] as const;

const RULES = rulesFor('manifest').filter((r) => (TOPOLOGY_RULES as readonly string[]).includes(r.meta.id));

/**
 * The topology findings of the deployment, by the file each falls in (a rule that failed: in every
 * file, under ''). A deployment of one host (kolla's all-in-one) is not checked for HA: it does not
 * try to be highly available.
 */
export function topologyFindingsByFile(model: DeployModel, config: LintConfig): Map<string, Finding[]> {
  const byFile = new Map<string, Finding[]>();
  if (model.nodes.length < 2) return byFile;
  const written = toManifest(model);
  const parsed = parseManifestText(written.text);
  if (!parsed.doc || !parsed.ok) return byFile;
  const m = buildManifest(parsed.doc, config.environment ?? 'production');
  const raw: Finding[] = [];
  runRules(RULES, config, raw, (report) => ({ manifest: m, text: written.text, environment: m.environment, report }));
  const add = (file: string, f: Finding) => {
    const list = byFile.get(file);
    if (list) list.push(f);
    else byFile.set(file, [f]);
  };
  for (const f of raw) {
    if (f.rule === 'internal-error' || f.rule === 'check-incomplete') {
      add('', f);
      continue;
    }
    const place = placeOf(written, f.span);
    if (!place) continue; // a fact of the tool's defaults: no line of the user's says it
    const related: Related[] = [];
    for (const r of f.related ?? []) {
      const p = placeOf(written, r.span);
      if (p) related.push({ file: p.file, span: p.span, message: r.message });
    }
    // a finding's fixes edit the written manifest, not the user's file
    const { related: _, ...rest } = f;
    add(place.file, { ...rest, span: place.span, fixes: [], ...(related.length ? { related } : {}) });
  }
  return byFile;
}
