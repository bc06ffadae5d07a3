/**
 * The one entry point: a document's text in, its model and findings (with fixes) out.
 * The language server, the CLI and the tests all call lintManifest / lintFile. What every kind's
 * check shares (the rules run, severity and suppression, the size guard) lives in check.ts.
 */
import { Finding } from './types';
import { LineIndex } from './text/line-index';
import { parseManifestText } from './documents/manifest/parse';
import { buildManifest, Manifest } from './documents/manifest/model';
import { emptyManifestFinding, validateManifest } from './documents/manifest/validate';
import {
  CONF_RULES,
  COROSYNC_RULES,
  FIREWALL_RULES,
  GALERA_RULES,
  HAPROXY_RULES,
  KEEPALIVED_RULES,
  MANIFEST_RULES,
  PACEMAKER_RULES,
} from './rules';
import { EMPTY_CONFIG, LintConfig } from './config';
import { looksBinary, MAX_MANIFEST_BYTES } from './documents/manifest/parse';
import { confKind } from './documents/oslo-conf/recognise';
import { parseConf } from './documents/oslo-conf/parse';
import { ConfView } from './documents/oslo-conf/context';
import { catalogFor, NEWEST_RELEASE } from './knowledge/options/catalog';
import { parseCorosync } from './documents/corosync/parse';
import { parseCnf, serverOptions } from './documents/galera/parse';
import { parseKeepalived } from './documents/keepalived/parse';
import { emptyModel } from './documents/pacemaker/model';
import { parseHaproxy } from './documents/haproxy/parse';
import { pacemakerSyntax, PmSyntax } from './documents/pacemaker/recognise';
import { parseCib } from './documents/pacemaker/cib';
import { parseCrm, parsePcs } from './documents/pacemaker/scripts';
import { HaView } from './documents/haproxy/view';
import { FwSyntax } from './documents/firewall/model';
import { firewallSyntax } from './documents/firewall/recognise';
import { parseFirewall } from './documents/firewall/parse';
import { topologyFromSettings } from './model/topology';
import { byPosition, ConfContext, finish, LintResult, lintParsed, ManifestParser, runRules } from './check';

import type { DocumentKind } from './types';
export type { DocumentKind } from './types';
export type { ConfContext, LintResult, ManifestParser } from './check';

import { detectKind } from './languages';
export { detectKind };

const FULL_PARSER: ManifestParser = { parse: parseManifestText };

export function lintManifest(text: string, config: LintConfig = EMPTY_CONFIG, parser: ManifestParser = FULL_PARSER): LintResult {
  const lines = new LineIndex(text);
  const parsed = parser.parse(text);
  const raw: Finding[] = [...parsed.findings];
  let manifest: Manifest | undefined;
  if (!parsed.doc && parsed.ok) raw.push(emptyManifestFinding());
  if (parsed.doc && parsed.ok) {
    raw.push(...validateManifest(parsed.doc));
    const m = buildManifest(parsed.doc, config.environment ?? 'production');
    manifest = m;
    runRules(MANIFEST_RULES, config, raw, (report) => ({ manifest: m, text, environment: m.environment, report }));
  }
  return { kind: 'manifest', findings: finish(raw, text, lines, config), manifest, parsed, lines };
}

/** An OpenStack service config (nova.conf, ml2_conf.ini, ...), checked against the catalogue of `file`. */
export function lintConf(file: string, text: string, config: LintConfig = EMPTY_CONFIG, context: ConfContext = {}): LintResult {
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
  for (const p of parsed.problems) raw.push({ rule: 'parse-error', severity: 'error', message: p.message, span: p.span, fixes: [] });
  const catalog = catalogFor(file, config.release ?? NEWEST_RELEASE)!;
  const view = new ConfView(parsed, catalog);
  const isOff = (id: string) => config.rules[id] === 'off';
  const topology =
    context.topology ??
    (config.vips?.length || config.controllers?.length
      ? topologyFromSettings(config.vips ?? [], config.controllers ?? [], '.openstack-ha.yaml')
      : undefined);
  runRules(CONF_RULES, config, raw, (report) => ({ view, text, isOff, topology, peers: context.peers ?? [], report }));
  return { kind: 'oslo-conf', findings: finish(raw, text, lines, config), conf: view, lines };
}

/** haproxy.cfg, checked against the HA guide (and the deployment, when a manifest describes it). */
export function lintHaproxy(text: string, config: LintConfig = EMPTY_CONFIG, context: ConfContext = {}): LintResult {
  return lintParsed('haproxy', text, config, parseHaproxy, (file, raw) => {
    const view = new HaView(file);
    runRules(HAPROXY_RULES, config, raw, (report) => ({ view, text, topology: context.topology, peers: context.peers ?? [], report }));
    return { haproxy: view };
  });
}

/** corosync.conf, checked against the HA guide's section on Corosync. */
export function lintCorosync(text: string, config: LintConfig = EMPTY_CONFIG, context: ConfContext = {}): LintResult {
  return lintParsed('corosync', text, config, parseCorosync, (file, raw) => {
    runRules(COROSYNC_RULES, config, raw, (report) => ({
      file,
      text,
      environment: config.environment ?? 'production',
      version: config.corosync ?? 3,
      topology: context.topology,
      peers: context.peers ?? [],
      report,
    }));
    return { corosync: file };
  });
}

/** keepalived.conf, checked against the HA guide's keepalived architecture (and the manifest's VIPs). */
export function lintKeepalived(text: string, config: LintConfig = EMPTY_CONFIG, context: ConfContext = {}): LintResult {
  return lintParsed('keepalived', text, config, parseKeepalived, (file, raw) => {
    runRules(KEEPALIVED_RULES, config, raw, (report) => ({ file, text, topology: context.topology, peers: context.peers ?? [], report }));
    return { keepalived: file };
  });
}

/** A MariaDB/Galera option file (my.cnf, galera.cnf), checked against the guide's Galera settings. */
export function lintCnf(text: string, config: LintConfig = EMPTY_CONFIG, context: ConfContext = {}): LintResult {
  return lintParsed('galera', text, config, parseCnf, (file, raw) => {
    const options = serverOptions(file);
    runRules(GALERA_RULES, config, raw, (report) => ({
      file,
      text,
      options,
      topology: context.topology,
      peers: context.peers ?? [],
      report,
    }));
    return { cnf: file };
  });
}

/** A Pacemaker configuration (CIB XML, crm shell file, pcs script), checked against the guide's Pacemaker setup. */
export function lintPacemaker(text: string, syntax: PmSyntax, config: LintConfig = EMPTY_CONFIG): LintResult {
  const parse = syntax === 'cib' ? parseCib : syntax === 'crm' ? parseCrm : parsePcs;
  return lintParsed('pacemaker', text, config, parse, (model, raw) => {
    runRules(PACEMAKER_RULES, config, raw, (report) => ({ model, text, environment: config.environment ?? 'production', report }));
    return { pacemaker: model };
  });
}

/** A host firewall (iptables rules or commands, nftables, a firewalld zone), checked for what the Galera nodes need. */
export function lintFirewall(
  text: string,
  syntax: FwSyntax,
  config: LintConfig = EMPTY_CONFIG,
  context: ConfContext = {},
  path = '',
): LintResult {
  return lintParsed(
    'firewall',
    text,
    config,
    (t) => parseFirewall(t, syntax, path),
    (model, raw) => {
      runRules(FIREWALL_RULES, config, raw, (report) => ({ model, text, topology: context.topology, peers: context.peers ?? [], report }));
      return { firewall: model };
    },
  );
}

const CLUSTERCHECK_RULES = PACEMAKER_RULES.filter((r) => r.meta.id === 'pacemaker-placeholder-secrets');

/** clustercheck's settings and xinetd service: only their secrets are checked (the guide's example password). */
export function lintClustercheck(text: string, config: LintConfig = EMPTY_CONFIG): LintResult {
  return lintParsed(
    'clustercheck',
    text,
    config,
    () => ({ problems: [] }),
    (_file, raw) => {
      const model = emptyModel('pcs');
      runRules(CLUSTERCHECK_RULES, config, raw, (report) => ({ model, text, environment: config.environment ?? 'production', report }));
      return {};
    },
  );
}

export function lintFile(path: string, text: string, config: LintConfig = EMPTY_CONFIG, context: ConfContext = {}): LintResult | null {
  const kind = detectKind(path, text);
  return kind ? lintAs(kind, path, text, config, context) : null;
}

/** A file of a known kind (the editor and the CLI detect it first); a manifest gets `parser` when the caller keeps one. */
export function lintAs(
  kind: DocumentKind,
  path: string,
  text: string,
  config: LintConfig = EMPTY_CONFIG,
  context: ConfContext = {},
  parser?: ManifestParser,
): LintResult {
  switch (kind) {
    case 'manifest':
      return lintManifest(text, config, parser);
    case 'oslo-conf':
      return lintConf(confKind(path, text)!, text, config, context);
    case 'haproxy':
      return lintHaproxy(text, config, context);
    case 'corosync':
      return lintCorosync(text, config, context);
    case 'keepalived':
      return lintKeepalived(text, config, context);
    case 'galera':
      return lintCnf(text, config, context);
    case 'pacemaker': {
      const pm = lintPacemaker(text, pacemakerSyntax(path, text)!, config);
      // a setup script often opens the firewall too
      if (firewallSyntax(path, text) !== 'script') return pm;
      const fw = lintFirewall(text, 'script', config, context, path);
      return { ...pm, firewall: fw.firewall, findings: [...pm.findings, ...fw.findings].sort(byPosition) };
    }
    case 'firewall':
      return lintFirewall(text, firewallSyntax(path, text)!, config, context, path);
    case 'clustercheck':
      return lintClustercheck(text, config);
  }
}
