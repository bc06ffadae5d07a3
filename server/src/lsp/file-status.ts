/**
 * `openstackHa/fileStatus`: what the server made of one file, for the editor's language status item:
 * its kind in words ("kolla-ansible inventory", "nova.conf (oslo.config)"), the manifest, environment
 * and release it was checked against, and its error and warning counts. Null for a file the server
 * does not check (an unrelated YAML), so the editor shows nothing there.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from './analysis';
import type { Analysis as EngineAnalysis } from '../engine/analyse';
import { languageOf } from '../engine/languages';
import { confKind } from '../engine/documents/oslo-conf/recognise';

export const FILE_STATUS_REQUEST = 'openstackHa/fileStatus';

export interface FileStatusParams {
  uri: string;
}

export interface FileStatus {
  /** The kind's id (manifest, oslo-conf, kolla, ...). */
  kind: string;
  /** What the file is, in words. */
  label: string;
  /** The manifest the file was checked against (the file itself for a manifest), as a URI. */
  manifest?: string;
  environment?: string;
  release?: string;
  counts: { errors: number; warnings: number; infos: number; hints: number };
}

const FIREWALL: Record<string, string> = {
  'iptables-save': 'iptables rules (iptables-save)',
  nftables: 'nftables ruleset',
  'firewalld-zone': 'firewalld zone',
  script: 'firewall script',
};
const PACEMAKER: Record<string, string> = { cib: 'Pacemaker CIB', crm: 'Pacemaker crm shell configuration', pcs: 'Pacemaker pcs commands' };

/** The file's kind in words: the part of its deployment tool, the catalogue of a service config, the syntax of a firewall. */
export function statusLabel(r: EngineAnalysis, path: string, text: string): string {
  switch (r.kind) {
    case 'kolla': {
      const part = r.kolla?.part;
      if (part?.role === 'globals') return 'kolla-ansible globals';
      if (part?.role === 'inventory') return 'kolla-ansible inventory';
      if (part?.role === 'vars') return `kolla-ansible ${part.scope}_vars`;
      break;
    }
    case 'openstack-ansible': {
      const part = r.osa?.part;
      if (part?.role === 'user-config') return 'OpenStack-Ansible openstack_user_config';
      if (part?.role === 'variables') return part.scope ? `OpenStack-Ansible ${part.scope}_vars` : 'OpenStack-Ansible user variables';
      break;
    }
    case 'oslo-conf': {
      const catalogue = confKind(path, text);
      if (catalogue) return `${catalogue} (oslo.config)`;
      break;
    }
    case 'pacemaker':
      if (r.pacemaker) return PACEMAKER[r.pacemaker.syntax] ?? languageOf(r.kind).label;
      break;
    case 'firewall':
      if (r.firewall) return FIREWALL[r.firewall.syntax] ?? languageOf(r.kind).label;
      break;
  }
  return languageOf(r.kind).label;
}

/** The status of an analysed file (null when the server does not check it). */
export function fileStatus(r: EngineAnalysis | null, path: string, text: string): FileStatus | null {
  if (!r) return null;
  const counts = { errors: 0, warnings: 0, infos: 0, hints: 0 };
  for (const f of r.findings) {
    if (f.severity === 'error') counts.errors++;
    else if (f.severity === 'warning') counts.warnings++;
    else if (f.severity === 'info') counts.infos++;
    else if (f.severity === 'hint') counts.hints++;
  }
  const manifest = r.kind === 'manifest' ? path : r.manifestFile;
  // a manifest: what it declares; another file: what it was checked for (its manifest's, else the settings')
  const environment = r.kind === 'manifest' ? r.manifest?.environment : r.environment;
  const release = r.kind === 'manifest' ? r.manifest?.release : r.release;
  return {
    kind: r.kind,
    label: statusLabel(r, path, text),
    ...(manifest ? { manifest: AnalysisCache.uriOf(manifest) } : {}),
    ...(environment ? { environment } : {}),
    ...(release ? { release } : {}),
    counts,
  };
}

/**
 * Answers the request for an open document (its buffer as analysed now) or a workspace file (as
 * read from disk); anything else, or a file of no kind, is null.
 */
export function registerFileStatus(connection: Connection, documents: TextDocuments<TextDocument>, analyses: AnalysisCache): void {
  connection.onRequest(FILE_STATUS_REQUEST, (p: FileStatusParams): FileStatus | null => {
    try {
      const uri = typeof p?.uri === 'string' ? p.uri : '';
      if (!uri) return null;
      const key = AnalysisCache.keyOf(uri);
      const doc = documents.get(uri);
      if (doc) return fileStatus(analyses.get(doc).result, key, doc.getText());
      const text = analyses.workspace.textOf(key);
      if (text === undefined) return null;
      return fileStatus(analyses.analysePath(key).result, key, text);
    } catch (e) {
      connection.console.error(`fileStatus failed: ${(e as Error).stack ?? e}`);
      return null;
    }
  });
}
