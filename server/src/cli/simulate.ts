/** `openstack-ha simulate PATH...` (spec/simulate.md). */
import type { SimulateArgs } from './args';
import type { LoadIo } from './deployments';

export interface SimulateIo extends LoadIo {
  stdout(s: string): void;
}

export function simulateCommand(_args: SimulateArgs, _io: SimulateIo): number {
  throw new Error('not written yet');
}
