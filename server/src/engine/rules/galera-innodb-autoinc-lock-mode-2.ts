/** galera-innodb-autoinc-lock-mode-2: one of the options Galera requires (the template templates/galera-required-option.ts). */
import { requiredOption } from './templates/galera-required-option';

export const rule = requiredOption({
  meta: {
    id: 'galera-innodb-autoinc-lock-mode-2',
    severity: 'error',
    fixable: true,
    tools: { mariadbd: 'accepts' },
    guide: '2016:controller-ha-galera-config',
    topic: 'galera',
    title: 'innodb_autoinc_lock_mode is not 2',
    why: 'Galera needs interleaved auto-increment locking; other modes can make INSERTs into auto-increment tables fail and leave deadlocks that hang the cluster.',
  },
  option: 'innodb_autoinc_lock_mode',
  ok: (v) => v === '2',
  want: '2',
  effect: 'INSERTs into auto-increment tables can deadlock the cluster',
});
