/**
 * `openstack-ha simulate PATH...` (spec/simulate.md): one deployment's clusters, VIPs and services
 * after the failures named, or after every single node, pair or failure domain (--all).
 */
import type { SimulateArgs } from './args';
import { loadDeployments, LoadIo, oneDeployment } from './deployments';
import { simulate, unknownNames } from '../engine/simulate/scenario';
import { enumerate } from '../engine/simulate/enumerate';
import { failing, Report, reportJson, reportMarkdown, reportText } from '../engine/simulate/report';

export interface SimulateIo extends LoadIo {
  stdout(s: string): void;
}

export function simulateCommand(args: SimulateArgs, io: SimulateIo, load = loadDeployments): number {
  const d = oneDeployment(load(args.paths, io), args.paths, io, 'simulate');
  if (typeof d === 'number') return d;
  const scenario = {
    steps: args.steps.map((s) => ({ fail: s.fail, failDomains: s.failDomains, partition: s.partition, stop: s.stop, recover: s.recover })),
  };
  const unknown = unknownNames(d.model, scenario);
  if (unknown.length) {
    for (const u of unknown) io.stderr(`openstack-ha: ${u}\n`);
    return 2;
  }
  if (args.all === 'domains' && !d.model.nodes.some((n) => n.domain))
    io.stderr(`openstack-ha: no node of ${d.model.name} has a failure domain (failure_domain), so --all domains has nothing to try\n`);
  const results = args.all ? enumerate(d.model, args.all) : [simulate(d.model, scenario)];
  const rep: Report = { model: d.model, files: d.files, results, enumeration: args.all };
  io.stdout(args.format === 'json' ? reportJson(rep) : args.format === 'markdown' ? reportMarkdown(rep) : reportText(rep));
  return results.some(failing) ? 1 : 0;
}
