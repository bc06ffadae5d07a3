/** galera-wsrep-provider: one of the options Galera requires (the template templates/galera-required-option.ts). */
import { requiredOption } from './templates/galera-required-option';

export const rule = requiredOption({
  meta: {
    id: 'galera-wsrep-provider',
    severity: 'error',
    fixable: false,
    tools: { mariadbd: 'accepts' },
    guide: '2016:controller-ha-galera-config',
    topic: 'galera',
    title: 'wsrep_provider is missing or not libgalera_smm.so',
    why: 'The wsrep provider is the library that replicates; without the Galera library (libgalera_smm.so, in /usr/lib/galera/ on Debian) the server runs as a standalone database.',
  },
  option: 'wsrep_provider',
  ok: (v) => v !== undefined && /libgalera_smm\.so$/.test(v),
  want: '/usr/lib/galera/libgalera_smm.so',
  // Debian's path: RHEL's is /usr/lib64/galera(-4)/, where this one would stop mariadbd from loading the provider
  safe: false,
  effect: 'the node does not replicate',
});
