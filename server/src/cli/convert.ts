/**
 * `openstack-ha convert PATH...`: a deployment tool's files (kolla-ansible, OpenStack-Ansible) written
 * as the HA manifest they amount to. The files are read and put in one workspace as `lint` does;
 * every file whose language gives its deployment's model (LintResult.deployModel) names a
 * deployment, and the one deployment found is written (documents/deploy/to-manifest.ts) with a
 * header that says where it came from and what the user must fill in. Nothing is written on error.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { ConvertArgs } from './args';
import { errorReason, hostPath } from '../node/files';
import { peerFacts } from '../engine/languages';
import { analyse } from '../engine/analyse';
import { readWorkspace, relative } from './read-workspace';
import { EMPTY_CONFIG } from '../engine/config';
import type { DeployModel } from '../engine/documents/deploy/model';
import { manifestKnowsRelease, NO_ADDRESS, toManifest } from '../engine/documents/deploy/to-manifest';
import { KNOWN_RELEASES } from '../engine/knowledge/options/catalog';
import { KHEPRI_DEFAULT_SINCE, parseSeries, seriesAtLeast } from '../engine/knowledge/kolla/rabbitmq';

export interface ConvertIo {
  stdout(s: string): void;
  stderr(s: string): void;
  cwd: string;
}

/** Where each tool's files give a node's failure domain, for the header. */
const FAILURE_DOMAIN_SOURCE: Record<string, string> = {
  'kolla-ansible': "the inventory's failure_domain host variable (else availability_zone)",
};

/** One deployment found under the paths: its files (workspace paths, sorted) and its model. */
interface Found {
  files: string[];
  model: DeployModel;
}

export function convert(args: ConvertArgs, io: ConvertIo): number {
  const say = (s: string) => io.stderr(`openstack-ha: ${s}\n`);
  const { ws, files: held, failed } = readWorkspace(args.paths, io);
  const deploy: { path: string; anchor: boolean }[] = [];
  for (const { path: p, kind } of held) {
    // a file of a deployment tool's deployment: its facts name a deployment (the workspace groups them)
    const part = kind !== 'manifest' ? peerOf(p, kind, ws.textOf(p)!)?.deploy : undefined;
    if (part) deploy.push({ path: p, anchor: part.anchor });
  }
  // the file that names its deployment first (globals.yml, openstack_user_config.yml): the model's name is its folder's
  deploy.sort((a, b) => Number(b.anchor) - Number(a.anchor) || (a.path < b.path ? -1 : 1));
  if (failed) return 2;

  const found: Found[] = [];
  const done = new Set<string>();
  for (const { path: p } of deploy) {
    if (done.has(p)) continue;
    const model = analyse(ws, p, EMPTY_CONFIG)?.deployModel;
    if (!model) continue;
    const group = [p, ...ws.contextFor(p).peers.flatMap((x) => (x.deploy && x.path ? [x.path] : []))].sort();
    for (const f of group) done.add(f);
    found.push({ files: group, model });
  }
  const named = args.paths.join(' ');
  if (!found.length) {
    say(`nothing to convert: no kolla-ansible or OpenStack-Ansible file under ${named}`);
    return 1;
  }
  const withNodes = found.filter((d) => d.model.nodes.length);
  for (const d of found)
    if (!d.model.nodes.length)
      say(`the ${d.model.tool} files ${d.files.map((f) => shown(io, f)).join(', ')} name no host (is the inventory among the PATHs?)`);
  if (!withNodes.length) return 1;
  if (withNodes.length > 1) {
    say(
      `${withNodes.length} deployments under ${named}; convert one at a time, naming its folder or files:\n` +
        withNodes.map((d) => `  ${d.model.tool} '${d.model.name}': ${d.files.map((f) => shown(io, f)).join(', ')}`).join('\n'),
    );
    return 2;
  }
  const [d] = withNodes;
  // what a file that does not parse gives is left out: say so (lint tells where)
  for (const f of d.files)
    if (analyse(ws, f, EMPTY_CONFIG)?.findings.some((x) => x.rule === 'parse-error'))
      say(`${shown(io, f)} does not parse: what it gives is left out where it fails (openstack-ha lint ${shown(io, f)} says where)`);
  const model = args.name ? { ...d.model, name: args.name } : d.model;
  const text = toManifest(model, header(io, d.files, model)).text;

  if (!args.output) {
    io.stdout(text);
    return 0;
  }
  const out = path.resolve(io.cwd, args.output);
  try {
    // 'wx': an existing file is refused at the moment of writing, not only when we looked
    fs.writeFileSync(out, text, { flag: args.force ? 'w' : 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    say(code === 'EEXIST' ? `${relative(io, out)} exists; --force overwrites it` : `cannot write ${relative(io, out)}: ${errorReason(e)}`);
    return 2;
  }
  say(`wrote ${relative(io, out)} (${model.tool}, ${model.nodes.length} nodes)`);
  return 0;
}

function peerOf(p: string, kind: Parameters<typeof peerFacts>[1], text: string) {
  try {
    return peerFacts(p, kind, text);
  } catch {
    return undefined;
  }
}

/** The header's comment lines: where the manifest comes from, and what is left to the user. */
function header(io: ConvertIo, files: string[], model: DeployModel): string[] {
  const h = [
    `Converted by \`openstack-ha convert\` from the ${model.tool} files:`,
    ...files.map((f) => `  ${shown(io, f)}`),
    'Check it and fill in what those files do not say:',
  ];
  const todo: string[] = [];
  const missing = model.nodes.filter((n) => !n.address).map((n) => n.name);
  if (missing.length) todo.push(`the address of ${missing.join(', ')} (marked "${NO_ADDRESS.replace(/^# /, '')}")`);
  const withDomain = model.nodes.filter((n) => n.failureDomain).length;
  const source = FAILURE_DOMAIN_SOURCE[model.tool] ?? 'the files';
  if (!withDomain) todo.push(`failure domains: the files give none; add failure_domain (rack, room, power feed) to each node`);
  else if (withDomain < model.nodes.length)
    todo.push(
      `the failure domain of ${model.nodes
        .filter((n) => !n.failureDomain)
        .map((n) => n.name)
        .join(', ')}: the other nodes' come from ${source}`,
    );
  if (!model.vips.length) todo.push('the VIPs: the files give no literal VIP address');
  if (model.release && !manifestKnowsRelease(model.release))
    todo.push(
      `metadata.release: the files' release (${model.release}, the tool's newest when they set none) is not one the manifest knows (${KNOWN_RELEASES.join(', ')}), so it is left out`,
    );
  // a Mnesia RabbitMQ whose strategy the files do not say readably: the manifest would take `ignore`, the user should say
  for (const s of model.services) {
    const series = s.version !== undefined ? parseSeries(s.version) : undefined;
    if (series && !seriesAtLeast(series, KHEPRI_DEFAULT_SINCE) && !s.partitionHandling)
      todo.push(
        `the partition_handling of ${s.name} (RabbitMQ ${s.version}, Mnesia): the files' strategy is not one read here, and the manifest takes ignore without it`,
      );
  }
  todo.push('the other services (APIs, agents): only the load balancer and the clustered services are converted');
  h.push(...todo.map((t) => `  - ${t}`));
  if (withDomain === model.nodes.length) h.push(`Failure domains are from ${source}.`);
  return h;
}

/** A file's name in the header: relative to the current folder, with '/', so that the output is the same everywhere. */
function shown(io: ConvertIo, p: string): string {
  return relative(io, hostPath(p)).split(path.sep).join('/');
}
