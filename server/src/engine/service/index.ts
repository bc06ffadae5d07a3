/**
 * The language service facade (after yaml-language-server): hover, completion and outline for a
 * file of any kind, from its analysis. One entry per kind, checked by the compiler: a kind that is
 * added to DocumentKind without its service here does not build. The LSP handlers call these in one line.
 */
import type { LintResult } from '../lint';
import type { DocumentKind } from '../types';
import { DocLink, hover as manifestHover, HoverResult } from './hover';
import { complete as manifestComplete, CompletionResult } from './completion';
import { documentSymbols, SymbolNode } from './navigation';
import { confComplete, confHover, confSymbols } from './conf';
import { haComplete, haHover, haSymbols } from './haproxy';
import { coroComplete, coroHover, coroSymbols } from './corosync';
import { kaComplete, kaHover, kaSymbols } from './keepalived';
import { cnfComplete, cnfHover, cnfSymbols } from './galera';
import { pmComplete, pmHover, pmSymbols } from './pacemaker';
import { fwHover, fwSymbols } from './firewall';

export interface LanguageService {
  hover?(r: LintResult, offset: number, docLink: DocLink): HoverResult | undefined;
  complete?(r: LintResult, text: string, offset: number): CompletionResult | undefined;
  symbols?(r: LintResult): SymbolNode[];
}

const SERVICES: Record<DocumentKind, LanguageService> = {
  manifest: {
    hover: (r, o, d) => (r.manifest ? manifestHover(r.manifest, r.findings, o, d) : undefined),
    complete: (r, t, o) => manifestComplete(t, o, r.manifest),
    symbols: (r) => (r.manifest ? documentSymbols(r.manifest) : []),
  },
  'oslo-conf': {
    hover: (r, o, d) => (r.conf ? confHover(r.conf, r.findings, o, d) : undefined),
    complete: (r, t, o) => (r.conf ? confComplete(r.conf, t, o) : undefined),
    symbols: (r) => (r.conf ? confSymbols(r.conf) : []),
  },
  haproxy: {
    hover: (r, o, d) => (r.haproxy ? haHover(r.haproxy, r.findings, o, d) : undefined),
    complete: (r, t, o) => (r.haproxy ? haComplete(r.haproxy, t, o) : undefined),
    symbols: (r) => (r.haproxy ? haSymbols(r.haproxy) : []),
  },
  corosync: {
    hover: (r, o, d) => (r.corosync ? coroHover(r.corosync, r.findings, o, d) : undefined),
    complete: (r, t, o) => (r.corosync ? coroComplete(t, o) : undefined),
    symbols: (r) => (r.corosync ? coroSymbols(r.corosync) : []),
  },
  keepalived: {
    hover: (r, o, d) => (r.keepalived ? kaHover(r.keepalived, r.findings, o, d) : undefined),
    complete: (r, t, o) => (r.keepalived ? kaComplete(r.keepalived, t, o) : undefined),
    symbols: (r) => (r.keepalived ? kaSymbols(r.keepalived) : []),
  },
  galera: {
    hover: (r, o, d) => (r.cnf ? cnfHover(r.cnf, r.findings, o, d) : undefined),
    complete: (r, t, o) => (r.cnf ? cnfComplete(r.cnf, t, o) : undefined),
    symbols: (r) => (r.cnf ? cnfSymbols(r.cnf) : []),
  },
  // a setup script may hold firewall commands too: the Pacemaker model speaks first, then the firewall's
  pacemaker: {
    hover: (r, o, d) =>
      r.pacemaker ? pmHover(r.pacemaker, r.findings, o, d) : r.firewall ? fwHover(r.firewall, r.findings, o, d) : undefined,
    complete: (r, t, o) => (r.pacemaker ? pmComplete(t, o, r.pacemaker.syntax) : undefined),
    symbols: (r) => (r.pacemaker ? pmSymbols(r.pacemaker) : r.firewall ? fwSymbols(r.firewall) : []),
  },
  firewall: {
    hover: (r, o, d) => (r.firewall ? fwHover(r.firewall, r.findings, o, d) : undefined),
    symbols: (r) => (r.firewall ? fwSymbols(r.firewall) : []),
  },
  clustercheck: {},
};

/** The service of a file's kind. */
export function serviceFor(kind: DocumentKind): LanguageService {
  return SERVICES[kind];
}
