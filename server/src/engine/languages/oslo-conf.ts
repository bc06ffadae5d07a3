/** An OpenStack service config (nova.conf, ml2_conf.ini, ...): its options against the catalogue of its release. */
import type { Language } from './language';
import { KIND_GLOBS } from '../kinds';
import { Finding } from '../types';
import { LineIndex } from '../text/line-index';
import { looksBinary, MAX_MANIFEST_BYTES } from '../documents/manifest/parse';
import { confKind } from '../documents/oslo-conf/recognise';
import { isKollaOverride } from '../documents/kolla/overrides';
import { parseConf } from '../documents/oslo-conf/parse';
import { ConfView } from '../documents/oslo-conf/context';
import { catalogFor, NEWEST_RELEASE } from '../knowledge/options/catalog';
import { topologyFromSettings } from '../model/topology';
import { EMPTY_CONFIG, LintConfig } from '../config';
import { rulesFor } from '../rules';
import { ConfContext, finish, LintResult, runRules } from '../check';
import { peerConf } from './peers';
import { confComplete, confHover, confSymbols } from '../service/conf';

const RULES = rulesFor('oslo-conf');
const JINJA_LINE = /^\s*\{([%#])[\s\S]*\1\}\s*$/;

/** An OpenStack service config (nova.conf, ml2_conf.ini, ...), checked against the catalogue of `file`. */
export function lintConf(
  file: string,
  text: string,
  config: LintConfig = EMPTY_CONFIG,
  context: ConfContext = {},
  path?: string,
): LintResult {
  const lines = new LineIndex(text);
  const raw: Finding[] = [];
  const at0 = { start: 0, end: 0 };
  if (looksBinary(text))
    raw.push({ rule: 'parse-error', severity: 'error', message: 'this is a binary file, not a configuration file', span: at0, fixes: [] });
  else if (text.length > MAX_MANIFEST_BYTES)
    raw.push({
      rule: 'file-too-large',
      severity: 'warning',
      message: `the file has ${text.length} characters; files over ${MAX_MANIFEST_BYTES} are not analysed`,
      span: at0,
      fixes: [],
    });
  if (raw.length) return { kind: 'oslo-conf', findings: finish(raw, text, lines, config), lines };
  const parsed = parseConf(text);
  // kolla's overrides go through Jinja first: a `{% if %}` line is kolla's, not oslo.config's
  const templated = isKollaOverride(path, context.peers ?? []);
  for (const p of parsed.problems) {
    if (templated && JINJA_LINE.test(text.slice(p.span.start, p.span.end))) continue;
    raw.push({ rule: 'parse-error', severity: 'error', message: p.message, span: p.span, fixes: [] });
  }
  const catalog = catalogFor(file, config.release ?? NEWEST_RELEASE)!;
  const view = new ConfView(parsed, catalog);
  const isOff = (id: string) => config.rules[id] === 'off';
  const topology =
    context.topology ??
    (config.vips?.length || config.controllers?.length
      ? topologyFromSettings(config.vips ?? [], config.controllers ?? [], '.openstack-ha.yaml')
      : undefined);
  runRules(RULES, config, raw, (report) => ({ view, text, path, isOff, topology, peers: context.peers ?? [], report }));
  return { kind: 'oslo-conf', findings: finish(raw, text, lines, config), conf: view, lines };
}

export const osloConf: Language<'oslo-conf'> = {
  kind: 'oslo-conf',
  label: 'OpenStack service config',
  globs: KIND_GLOBS['oslo-conf'],
  // so is a service config by its name: its check says it is binary
  claims: (p, h) => !!confKind(p, h),
  recognise: (p, h) => !!confKind(p, h),
  peer: (p, t) => {
    const k = confKind(p, t);
    return k ? peerConf(p, k, t) : undefined;
  },
  lint: (path, text, config, context) => lintConf(confKind(path, text)!, text, config, context, path),
  service: {
    hover: (r, o, d) => (r.conf ? confHover(r.conf, r.findings, o, d) : undefined),
    complete: (r, t, o) => (r.conf ? confComplete(r.conf, t, o) : undefined),
    symbols: (r) => (r.conf ? confSymbols(r.conf) : []),
  },
};
