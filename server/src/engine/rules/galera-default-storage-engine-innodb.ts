/** galera-default-storage-engine-innodb: one of the options Galera requires (the template templates/galera-required-option.ts). */
import { requiredOption } from './templates/galera-required-option';

export const rule = requiredOption({
  meta: {
    id: 'galera-default-storage-engine-innodb',
    severity: 'error',
    fixable: true,
    tools: { mariadbd: 'accepts' },
    guide: '2016:controller-ha-galera-config',
    topic: 'galera',
    title: 'default_storage_engine is not InnoDB',
    why: 'Galera replicates transactional engines only; tables created in another engine (MyISAM) are not replicated and drift apart between nodes.',
  },
  option: 'default_storage_engine',
  ok: (v) => v === undefined || v.toLowerCase() === 'innodb',
  missingOk: true,
  want: 'InnoDB',
  effect: 'tables in other engines are not replicated',
});
