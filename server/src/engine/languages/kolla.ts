/**
 * kolla-ansible's files: globals.yml (+ globals.d/*.yml) and the inventories (multinode, INI).
 * Each file is checked within its whole deployment (the workspace groups the files by kolla's
 * folder): kolla's own rules and the manifest's topology rules run over the deployment, and the
 * file keeps the findings that are about it.
 */
import type { Language } from './language';
import type { DeployModel, DeployPart } from '../model/deploy';
import type { PeerConf } from '../model/topology';
import { KIND_GLOBS } from '../kinds';
import { Finding } from '../types';
import { LineIndex } from '../text/line-index';
import { basename } from '../text/paths';
import { MAX_MANIFEST_BYTES } from '../documents/manifest/parse';
import { isKollaGlobals, isKollaIniInventory, isKollaVars, isKollaYamlInventory, kollaRoot, varsScope } from '../documents/kolla/recognise';
import { parseYamlInventory } from '../documents/ansible/yaml-inventory';
import { KollaGlobals, parseGlobals } from '../documents/kolla/globals';
import { parseIniInventory, tagInventory } from '../documents/ansible/ini-inventory';
import { kollaDeployment, KollaDeployment } from '../documents/kolla/deployment';
import { kollaModel } from '../documents/kolla/model';
import { EMPTY_CONFIG, LintConfig } from '../config';
import { rulesFor } from '../rules';
import { ConfContext, finish, LintResult, runRules } from '../check';
import { topologyFindingsByFile } from './deploy-topology';
import { DeploymentMemo, PartCache } from './deploy-memo';
import { kollaComplete, kollaHover, kollaSymbols } from '../service/kolla';

const RULES = rulesFor('kolla');

const PARTS = new PartCache<DeployPart>();
const CHECKED = new DeploymentMemo<KollaChecked>();

/** What a kolla file holds, read once per text: its variables (globals, group or host vars) or its groups (an inventory). */
export function kollaPart(path: string, text: string): DeployPart {
  return PARTS.get(path, text, () => readPart(path, text));
}

function readPart(path: string, text: string): DeployPart {
  const head = text.slice(0, 65536);
  const vars = varsScope(path);
  if (vars && isKollaVars(path, head))
    return { tool: 'kolla', role: 'vars', anchor: false, text, ...vars, globals: parseGlobals(text, path) };
  if (isKollaIniInventory(path, head))
    return { tool: 'kolla', role: 'inventory', anchor: false, text, inventory: tagInventory(parseIniInventory(text), path) };
  if (isKollaYamlInventory(path, head))
    return { tool: 'kolla', role: 'inventory', anchor: false, text, inventory: tagInventory(parseYamlInventory(text), path) };
  return { tool: 'kolla', role: 'globals', anchor: true, text, globals: parseGlobals(text, path) };
}

function kollaPeer(path: string, text: string): PeerConf | undefined {
  if (text.length > MAX_MANIFEST_BYTES) return undefined;
  return { file: basename(path), kind: 'kolla', path, deploy: kollaPart(path, text), deployment: kollaRoot(path) };
}

/** The kolla files of a deployment as a file sees them: itself, and its peers of the same tool. */
function filesOf(path: string, self: DeployPart, peers: readonly PeerConf[] = []): { path: string; part: DeployPart }[] {
  const files: { path: string; part: DeployPart }[] = [{ path, part: self }];
  for (const p of peers) if (p.deploy?.tool === 'kolla' && p.path && p.path !== path) files.push({ path: p.path, part: p.deploy });
  return files;
}

/** The deployment of a kolla file: the file itself and the kolla files of its deployment (globals.yml before globals.d, by name). */
export function kollaDeploymentOf(path: string, self: DeployPart, peers: readonly PeerConf[] = []): KollaDeployment {
  return deploymentOf(filesOf(path, self, peers));
}

function deploymentOf(files: { path: string; part: DeployPart }[]): KollaDeployment {
  const parts = [...files];
  const order = (p: string) => (/\/globals\.d\//.test(p) ? 1 : 0);
  parts.sort((a, b) => order(a.path) - order(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const globals = parts.flatMap((p) => (p.part.role === 'globals' ? [p.part.globals] : []));
  const inventories = parts.flatMap((p) => (p.part.role === 'inventory' ? [p.part.inventory] : []));
  // group_vars: all first, then the other groups; below globals.yml (kolla passes it as extra vars)
  const groupVars = parts
    .flatMap((p) => (p.part.role === 'vars' && p.part.scope === 'group' ? [p.part] : []))
    .sort((a, b) => Number(a.name !== 'all') - Number(b.name !== 'all'))
    .map((p) => p.globals);
  const hostVars = new Map<string, KollaGlobals[]>();
  for (const p of parts)
    if (p.part.role === 'vars' && p.part.scope === 'host')
      hostVars.set(p.part.name, [...(hostVars.get(p.part.name) ?? []), p.part.globals]);
  return kollaDeployment(inventories, globals, groupVars, hostVars);
}

/** A deployment's check, made once for all its files: each file's findings, and those of none (a rule that failed). */
interface KollaChecked {
  deployment: KollaDeployment;
  model: DeployModel;
  byFile: Map<string, Finding[]>;
  everywhere: Finding[];
}

function checkDeployment(files: { path: string; part: DeployPart }[], config: LintConfig, name: string): KollaChecked {
  const deployment = deploymentOf(files);
  const byFile = new Map<string, Finding[]>();
  const add = (file: string, f: Finding) => {
    const list = byFile.get(file);
    if (list) list.push(f);
    else byFile.set(file, [f]);
  };
  const everywhere: Finding[] = [];
  runRules(RULES, config, everywhere, (report) => ({
    deployment,
    report: ({ file, ...r }) => {
      report(r);
      add(file, everywhere.pop()!);
    },
  }));
  const model = kollaModel(deployment, name);
  for (const [file, fs] of topologyFindingsByFile(model, config)) for (const f of fs) file ? add(file, f) : everywhere.push(f);
  return { deployment, model, byFile, everywhere };
}

export function lintKolla(path: string, text: string, config: LintConfig = EMPTY_CONFIG, context: ConfContext = {}): LintResult {
  const lines = new LineIndex(text);
  const raw: Finding[] = [];
  if (text.length > MAX_MANIFEST_BYTES) {
    raw.push({
      rule: 'file-too-large',
      severity: 'warning',
      message: `the file has ${text.length} characters; files over ${MAX_MANIFEST_BYTES} are not analysed`,
      span: { start: 0, end: 0 },
      fixes: [],
    });
    return { kind: 'kolla', findings: finish(raw, text, lines, config), lines };
  }
  const part = kollaPart(path, text);
  if (part.role !== 'inventory') raw.push(...part.globals.problems);
  else
    for (const p of part.inventory.problems)
      raw.push({ rule: 'parse-error', severity: 'error', message: p.message, span: p.span, fixes: [] });
  const files = filesOf(path, part, context.peers);
  const checked = CHECKED.get(
    files.map((f) => ({ path: f.path, text: f.part.text })),
    config,
    () => checkDeployment(files, config, basename(kollaRoot(path)) || 'kolla'),
  );
  raw.push(...(checked.byFile.get(path) ?? []), ...checked.everywhere);
  return {
    kind: 'kolla',
    findings: finish(raw, text, lines, config),
    lines,
    kolla: { part, deployment: checked.deployment },
    deployModel: checked.model,
  };
}

export const kolla: Language<'kolla'> = {
  kind: 'kolla',
  label: 'kolla-ansible file',
  globs: KIND_GLOBS.kolla,
  recognise: (p, h) => isKollaGlobals(p, h) || isKollaIniInventory(p, h) || isKollaYamlInventory(p, h) || isKollaVars(p, h),
  peer: kollaPeer,
  ownDeployment: true,
  lint: (path, text, config, context) => lintKolla(path, text, config, context),
  service: {
    hover: kollaHover,
    complete: kollaComplete,
    symbols: kollaSymbols,
  },
};
