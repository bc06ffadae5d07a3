/** The Galera/MariaDB rules of the HA guide (section F), and the server's own option names. */
import { CnfRule } from './rule';
import { galeraRule as placeholderValue } from '../placeholder-value';
import { autoincLockMode, binlogFormat, flushLog, sstAuth, storageEngine, wsrepProvider } from './settings';
import { bindAddress, clusterAddress, clusterName, nodeIdentity } from './cluster';
import { rule as unknownOption } from './mariadb-unknown-option';
import { rule as invalidValue } from './mariadb-invalid-value';

export const GALERA_RULES: readonly CnfRule[] = [
  binlogFormat, storageEngine, autoincLockMode, wsrepProvider, clusterName, clusterAddress, nodeIdentity, bindAddress, flushLog, sstAuth,
  unknownOption, invalidValue, placeholderValue,
];
