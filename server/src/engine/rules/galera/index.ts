/** The Galera/MariaDB rules of the HA guide (section F), and the server's own option names. */
import { CnfRule } from './rule';
import { galeraRule as placeholderValue } from '../placeholder-value';
import { rule as binlogFormat } from './galera-binlog-format-row';
import { rule as storageEngine } from './galera-default-storage-engine-innodb';
import { rule as autoincLockMode } from './galera-innodb-autoinc-lock-mode-2';
import { rule as wsrepProvider } from './galera-wsrep-provider';
import { rule as clusterName } from './galera-cluster-name-consistent';
import { rule as clusterAddress } from './galera-cluster-address-complete';
import { rule as nodeIdentity } from './galera-node-identity';
import { rule as bindAddress } from './galera-bind-address';
import { rule as flushLog } from './galera-flush-log-durability';
import { rule as sstAuth } from './galera-sst-auth';
import { rule as unknownOption } from './mariadb-unknown-option';
import { rule as invalidValue } from './mariadb-invalid-value';

export const GALERA_RULES: readonly CnfRule[] = [
  binlogFormat, storageEngine, autoincLockMode, wsrepProvider, clusterName, clusterAddress, nodeIdentity, bindAddress, flushLog, sstAuth,
  unknownOption, invalidValue, placeholderValue,
];
