/**
 * The settings Galera requires, one rule each (section F of the rule catalogue): a template with
 * the option, the value it needs, and what happens otherwise. One loop serves all of them.
 */
import { CnfRule } from './rule';
import { anchor, setOption, usesGalera, wsrepOnHere } from './support';
import { RuleMeta } from '../rule';

interface Required { meta: RuleMeta; option: string; ok(v: string | undefined): boolean; want: string; missingOk?: boolean; effect: string }

const required = (r: Required): CnfRule => ({
  meta: r.meta,
  check(ctx) {
    if (!usesGalera(ctx)) return;
    const e = ctx.options.get(r.option);
    if (r.ok(e?.value)) return;
    if (!e && r.missingOk) return;
    ctx.report({
      span: e ? (e.value !== undefined ? e.valueSpan : e.keySpan) : anchor(ctx),
      message: `${r.option} is ${e ? (e.value ?? '(set without a value)') : 'not set'}: ${r.effect}; Galera needs ${r.option}=${r.want}`,
      fixes: [{ title: `Set ${r.option}=${r.want}`, safe: true, preferred: true, edits: [setOption(ctx, r.option, r.want)] }],
      // a fragment that leaves wsrep_on to the command line passes mariadbd's check of the file alone
      ...(r.meta.tools?.mariadbd === 'refuses' && !wsrepOnHere(ctx) ? { tools: { mariadbd: 'accepts' as const } } : {}),
    });
  },
});

const G = '2016:controller-ha-galera-config';

export const binlogFormat = required({
  meta: { id: 'galera-binlog-format-row', severity: 'error', fixable: true, tools: { 'mariadbd': 'refuses' }, guide: G, topic: 'galera', title: 'binlog_format is missing or not ROW', why: 'Galera replicates row events; statement-based or mixed binary logging is not supported, and MariaDB refuses to start a Galera node without ROW.' },
  option: 'binlog_format', ok: (v) => v?.toUpperCase() === 'ROW', want: 'ROW', effect: 'Galera replicates rows only, and the node does not start',
});

export const storageEngine = required({
  meta: { id: 'galera-default-storage-engine-innodb', severity: 'error', fixable: true, tools: { 'mariadbd': 'accepts' }, guide: G, topic: 'galera', title: 'default_storage_engine is not InnoDB', why: 'Galera replicates transactional engines only; tables created in another engine (MyISAM) are not replicated and drift apart between nodes.' },
  option: 'default_storage_engine', ok: (v) => v === undefined || v.toLowerCase() === 'innodb', missingOk: true, want: 'InnoDB', effect: 'tables in other engines are not replicated',
});

export const autoincLockMode = required({
  meta: { id: 'galera-innodb-autoinc-lock-mode-2', severity: 'error', fixable: true, tools: { 'mariadbd': 'accepts' }, guide: G, topic: 'galera', title: 'innodb_autoinc_lock_mode is not 2', why: 'Galera needs interleaved auto-increment locking; other modes can make INSERTs into auto-increment tables fail and leave deadlocks that hang the cluster.' },
  option: 'innodb_autoinc_lock_mode', ok: (v) => v === '2', want: '2', effect: 'INSERTs into auto-increment tables can deadlock the cluster',
});

export const wsrepProvider = required({
  meta: { id: 'galera-wsrep-provider', severity: 'error', fixable: false, tools: { 'mariadbd': 'accepts' }, guide: G, topic: 'galera', title: 'wsrep_provider is missing or not libgalera_smm.so', why: 'The wsrep provider is the library that replicates; without the Galera library (libgalera_smm.so, in /usr/lib/galera/ on Debian) the server runs as a standalone database.' },
  option: 'wsrep_provider', ok: (v) => v !== undefined && /libgalera_smm\.so$/.test(v), want: '/usr/lib/galera/libgalera_smm.so', effect: 'the node does not replicate',
});

export const flushLog: CnfRule = {
  meta: { id: 'galera-flush-log-durability', severity: 'info', fixable: false, tools: { 'mariadbd': 'accepts' }, guide: G, topic: 'galera', title: 'innodb_flush_log_at_trx_commit is 0 or 2', why: 'With 0 or 2 InnoDB writes its log to disk about once a second; Galera keeps the other nodes consistent, but a whole-cluster outage (a power cut) loses the last second of commits. The guide accepts this for speed; make it a choice.' },
  check(ctx) {
    const e = ctx.options.get('innodb_flush_log_at_trx_commit');
    if (!usesGalera(ctx) || !e || (e.value !== '0' && e.value !== '2')) return;
    ctx.report({ span: e.valueSpan, message: `innodb_flush_log_at_trx_commit=${e.value}: commits reach disk about once a second; a power cut to every node loses up to a second of them` });
  },
};

export const sstAuth: CnfRule = {
  meta: { id: 'galera-sst-auth', severity: 'warning', fixable: false, tools: { 'mariadbd': 'accepts' }, guide: G, topic: 'galera-sst-ist', title: 'An SST method that needs credentials, without wsrep_sst_auth', why: 'mysqldump, xtrabackup and mariabackup state transfers log in to the donor; without wsrep_sst_auth a joining node cannot copy the database and never joins.' },
  check(ctx) {
    const m = ctx.options.get('wsrep_sst_method');
    if (!usesGalera(ctx) || !m?.value || !/^(mysqldump|xtrabackup(-v2)?|mariabackup)$/.test(m.value) || ctx.options.get('wsrep_sst_auth')?.value) return;
    ctx.report({ span: m.valueSpan, message: `wsrep_sst_method=${m.value} logs in to the donor but wsrep_sst_auth is not set: a joining node cannot copy the data` });
  },
};
