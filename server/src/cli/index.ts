import { run } from './main';

const internal = (e: unknown) => {
  process.stderr.write(`openstack-ha: internal error: ${(e as Error).stack ?? e}\n`);
  process.exitCode = 2;
};
try {
  const code = run(process.argv.slice(2));
  if (typeof code === 'number') process.exitCode = code;
  else code.then((c) => (process.exitCode = c), internal);
} catch (e) {
  internal(e);
}
