/** galera-binlog-format-row: one of the options Galera requires (the template templates/galera-required-option.ts). */
import { requiredOption } from './templates/galera-required-option';

export const rule = requiredOption({
  meta: {
    id: 'galera-binlog-format-row',
    severity: 'error',
    fixable: true,
    tools: { mariadbd: 'refuses' },
    guide: '2016:controller-ha-galera-config',
    topic: 'galera',
    title: 'binlog_format is missing or not ROW',
    why: 'Galera replicates row events; statement-based or mixed binary logging is not supported, and MariaDB refuses to start a Galera node without ROW.',
  },
  option: 'binlog_format',
  ok: (v) => v?.toUpperCase() === 'ROW',
  want: 'ROW',
  effect: 'Galera replicates rows only, and the node does not start',
});
