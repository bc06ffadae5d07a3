/** `openstack-ha graph PATH...`: the topology picture of one deployment (svg, html or mermaid). */
import * as fs from 'fs';
import * as path from 'path';
import type { GraphArgs } from './args';
import { type LoadIo, loadDeployments } from './deployments';
import { renderHtml, renderMermaid, renderSvg, topologyGraph } from '../engine/graph';
import { errorReason } from '../node/files';

export interface GraphIo extends LoadIo {
  stdout(s: string): void;
}

/** Async: elkjs lays the picture out behind a promise. `load` is for tests (the workspace's loader otherwise). */
export async function graph(args: GraphArgs, io: GraphIo, load = loadDeployments): Promise<number> {
  const say = (s: string) => io.stderr(`openstack-ha: ${s}\n`);
  const { deployments, failed } = load(args.paths, io);
  if (failed) return 2;
  const named = args.paths.join(' ');
  if (!deployments.length) {
    say(`nothing to draw: no deployment (manifest, kolla-ansible or OpenStack-Ansible files, or the stack's own files) under ${named}`);
    return 1;
  }
  if (deployments.length > 1) {
    say(
      `${deployments.length} deployments under ${named}; draw one at a time, naming its folder or files:\n` +
        deployments.map((d) => `  '${d.model.name}' (${d.model.source}): ${d.files.map((f) => rel(io, f)).join(', ')}`).join('\n'),
    );
    return 2;
  }
  const g = await topologyGraph(deployments[0].model);
  const text = args.format === 'html' ? renderHtml(g) : args.format === 'mermaid' ? renderMermaid(g) : renderSvg(g);
  if (!args.output) {
    io.stdout(text);
    return 0;
  }
  const out = path.resolve(io.cwd, args.output);
  try {
    fs.writeFileSync(out, text);
  } catch (e) {
    say(`cannot write ${rel(io, out)}: ${errorReason(e)}`);
    return 2;
  }
  say(`wrote ${rel(io, out)} (${args.format}, ${g.nodes.length} boxes, ${g.edges.length} edges)`);
  return 0;
}

function rel(io: LoadIo, file: string): string {
  const r = path.relative(io.cwd, file);
  return (r.startsWith('..') || path.isAbsolute(r) ? file : r).split(path.sep).join('/');
}
