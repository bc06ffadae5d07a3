/** `openstack-ha graph PATH...`: the topology picture of one deployment (svg, html or mermaid). */
import type { GraphArgs } from './args';
import type { LoadIo } from './deployments';

export interface GraphIo extends LoadIo {
  stdout(s: string): void;
}

export function graph(_args: GraphArgs, _io: GraphIo): number {
  throw new Error('not written yet');
}
