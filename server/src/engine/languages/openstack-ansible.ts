/**
 * OpenStack-Ansible's files: openstack_user_config.yml (+ conf.d/*.yml, the same schema),
 * user_variables*.yml, and the group_vars/ and host_vars/ of /etc/openstack_deploy. Each file is checked within its whole deployment (the workspace groups the
 * files by OSA's folder, /etc/openstack_deploy): OSA's own rules and the manifest's topology rules
 * run over the deployment, and the file keeps the findings that are about it.
 */
import type { Language } from './language';
import type { DeployModel, Place } from '../documents/deploy/model';
import type { OsaPart } from '../documents/deploy/parts';
import type { PeerConf } from '../model/topology';
import { KIND_GLOBS } from '../kinds';
import { Finding } from '../types';
import { basename } from '../text/paths';
import { canonicalIP } from '../text/ip';
import { MAX_MANIFEST_BYTES } from '../documents/manifest/parse';
import { isOsaFile, isOsaUserConfig, isOsaVariablesPath, osaRoot } from '../documents/osa/recognise';
import { varsScope } from '../documents/kolla/recognise';
import { parseUserConfig } from '../documents/osa/user-config';
import { parseGlobals } from '../documents/kolla/globals';
import { osaDeploymentOfFiles, OsaDeployment } from '../documents/osa/deployment';
import { EMPTY_CONFIG, LintConfig } from '../config';
import { rulesFor } from '../rules';
import { ConfContext, LintResult } from '../check';
import { topologyFindingsByFile } from './deploy-topology';
import { DeploymentMemo, PartCache } from './deploy-memo';
import { FindingsByFile, lintToolFile, runToolRules, ToolChecked, ToolFile } from './deploy-check';
import { osaComplete, osaHover } from '../service/openstack-ansible';
import { sharedAddresses } from '../rules/openstack-ansible/support';

const RULES = rulesFor('openstack-ansible');

const PARTS = new PartCache<OsaPart>();
const CHECKED = new DeploymentMemo<ToolChecked<OsaDeployment>>();

/** What an OSA file holds, read once per text: its inventory (openstack_user_config.yml, conf.d) or its variables (user_variables*.yml). */
export function osaPart(path: string, text: string): OsaPart {
  return PARTS.get(path, text, (): OsaPart => {
    if (isOsaUserConfig(path, text.slice(0, 65536)))
      return { tool: 'openstack-ansible', role: 'user-config', anchor: true, text, config: parseUserConfig(text, path) };
    // group_vars/<group>(.yml|/*.yml), host_vars/<host>: variables of some hosts, below user_variables
    const scope = isOsaVariablesPath(path) ? undefined : varsScope(path);
    return { tool: 'openstack-ansible', role: 'variables', anchor: false, text, variables: parseGlobals(text, path), ...scope };
  });
}

function osaPeer(path: string, text: string): PeerConf | undefined {
  if (text.length > MAX_MANIFEST_BYTES) return undefined;
  return { file: basename(path), kind: 'openstack-ansible', path, deploy: osaPart(path, text), deployment: osaRoot(path) };
}

/** The deployment of OSA files (documents/osa/deployment.ts). */
function deploymentOf(files: ToolFile<OsaPart>[]): OsaDeployment {
  return osaDeploymentOfFiles(files);
}

/**
 * The manifest's topology findings, less those OSA's own rules say in OSA's terms and on the exact
 * line, so that the user reads each fact once:
 * - lb-single-point-of-failure, when the load balancer group has one host or none. With one,
 *   osa-single-load-balancer says it (its "haproxy runs on 1 node" and "manager: none" are the same
 *   fact: OSA's default turns keepalived off); with none, OSA deploys no HAProxy and the VIPs are an
 *   external load balancer's, which no file here describes.
 * - address-conflict between two hosts: osa-duplicate-host-ip says it on the `ip:` (the topology
 *   rule can only point at the host's name), as the error OSA's generator stops on.
 * - address-conflict of the internal or external VIP with the one load balancer's own address: that
 *   is how OSA runs HAProxy without keepalived (its all-in-one does so), not a second holder;
 *   osa-single-load-balancer says what it costs.
 * A VIP equal to another host's address, or to a load balancer's when keepalived can move it, stays
 * the topology rule's: two holders answer for it.
 */
function osaTopologyFindings(model: DeployModel, d: OsaDeployment, config: LintConfig): Map<string, Finding[]> {
  const lb = d.groupHosts('load_balancer');
  // the places whose address-conflict findings the OSA rules say instead, as file + range (a set: thousands of hosts stay linear)
  const key = (p: Place) => `${p.span.start}:${p.span.end}:${p.file}`;
  const covered = new Set<string>();
  const nodes = new Map(model.nodes.map((n) => [n.name, n]));
  for (const { host } of sharedAddresses(d)) {
    const place = nodes.get(host.name)?.place;
    if (place) covered.add(key(place));
  }
  const lbIp = lb.length === 1 && lb[0].ip ? canonicalIP(lb[0].ip) : undefined;
  for (const v of model.vips) if (lbIp && v.place && canonicalIP(v.address) === lbIp) covered.add(key(v.place));
  const out = new Map<string, Finding[]>();
  for (const [file, fs] of topologyFindingsByFile(model, config))
    out.set(
      file,
      fs.filter((f) => {
        if (f.rule === 'lb-single-point-of-failure') return lb.length > 1;
        if (f.rule === 'address-conflict') return !covered.has(key({ file, span: f.span }));
        return true;
      }),
    );
  return out;
}

function checkDeployment(files: ToolFile<OsaPart>[], config: LintConfig): ToolChecked<OsaDeployment> {
  const deployment = deploymentOf(files);
  const out = new FindingsByFile();
  runToolRules(RULES, config, deployment, out);
  const anchor = files.find((f) => f.part.anchor) ?? files[0];
  const model = deployment.toModel(basename(osaRoot(anchor.path)) || 'openstack-ansible');
  out.addAll(osaTopologyFindings(model, deployment, config));
  return { deployment, model, byFile: out.byFile, everywhere: out.everywhere };
}

export function lintOsa(path: string, text: string, config: LintConfig = EMPTY_CONFIG, context: ConfContext = {}): LintResult {
  return lintToolFile('openstack-ansible', path, text, config, context, {
    part: osaPart,
    problems: (part) => (part.role === 'user-config' ? part.config.problems : part.variables.problems),
    memo: CHECKED,
    check: (files) => checkDeployment(files, config),
    result: (part, checked) => ({ osa: { part, deployment: checked.deployment } }),
  });
}

export const openstackAnsible: Language<'openstack-ansible'> = {
  kind: 'openstack-ansible',
  label: 'OpenStack-Ansible file',
  globs: KIND_GLOBS['openstack-ansible'],
  recognise: isOsaFile,
  peer: osaPeer,
  ownDeployment: true,
  lint: (path, text, config, context) => lintOsa(path, text, config, context),
  service: {
    hover: osaHover,
    complete: osaComplete,
  },
};
