import { run } from './main';

try {
  process.exitCode = run(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`openstack-ha: internal error: ${(e as Error).stack ?? e}\n`);
  process.exitCode = 2;
}
