/** Hover, outline and completion for MariaDB/Galera option files. */
import { typedLineStart } from '../text/line-breaks';
import { shownValue } from '../text/secrets';
import { CnfFile, SERVER_GROUPS } from '../documents/galera/parse';
import { MARIADB_OPTION_NAMES, MARIADB_SOURCE, mariadbOption, MariadbOption } from '../knowledge/mariadb/catalogue';
import { Finding } from '../types';
import { DocLink, HoverResult, topicMarkdown, withFindings } from './hover';
import { SymbolNode } from './navigation';
import { CompletionItem, CompletionResult } from './completion';

/** Values never shown in a hover or the outline: they hold credentials. */
const shown = (name: string, v?: string) => (v === undefined ? '' : shownValue('mariadb', name, v));

const TOPIC: Record<string, string> = {
  wsrep_cluster_address: 'galera',
  wsrep_cluster_name: 'galera',
  wsrep_provider: 'galera',
  wsrep_on: 'galera',
  binlog_format: 'galera',
  innodb_autoinc_lock_mode: 'galera',
  wsrep_sst_method: 'galera-sst-ist',
  wsrep_sst_auth: 'galera-sst-ist',
  wsrep_provider_options: 'galera-primary-component',
};

export function cnfHover(file: CnfFile, findings: Finding[], offset: number, docLink: DocLink): HoverResult | undefined {
  const parts: string[] = [];
  let span: { start: number; end: number } | undefined;
  for (const g of file.groups)
    for (const e of g.entries) {
      if (e.keySpan.start > offset || offset > e.keySpan.end) continue;
      const option = SERVER_GROUPS.test(g.name) ? mariadbOption(e.name.replace(/^loose_/, '')) : undefined;
      if (!TOPIC[e.name] && !option) continue;
      parts.push(`**${e.key}** in [${g.name}]${e.value !== undefined ? ` = \`${shown(e.name, e.value)}\`` : ''}`);
      if (option) parts.push(describeOption(option));
      if (TOPIC[e.name]) parts.push(topicMarkdown(TOPIC[e.name]));
      span = e.keySpan;
    }
  return withFindings(parts, span, findings, offset, docLink);
}

/** What the server's catalogue says of an option: its kind, values and default. */
function describeOption(o: MariadbOption): string {
  const kind =
    o.t === 'bool'
      ? 'a flag (ON or OFF)'
      : o.t === 'num'
        ? 'a number (K, M, G ... suffixes allowed)'
        : o.t === 'enum'
          ? `one of ${o.v!.map((v) => `\`${v}\``).join(', ')}`
          : o.t === 'set'
            ? `any of ${o.v!.map((v) => `\`${v}\``).join(', ')}, comma-separated`
            : 'a text';
  return `${MARIADB_SOURCE} option: ${kind}${o.d !== undefined ? `; default \`${o.d}\`` : ''}.`;
}

export function cnfSymbols(file: CnfFile): SymbolNode[] {
  return file.groups
    .filter((g) => g.name)
    .map((g) => ({
      name: `[${g.name}]`,
      detail: `${g.entries.length}`,
      kind: 'section',
      span: { start: g.headerSpan.start, end: g.end },
      selection: g.nameSpan,
      children: g.entries.map((e) => ({
        name: e.key,
        detail: shown(e.name, e.value),
        kind: 'option' as const,
        span: e.span,
        selection: e.keySpan,
        children: [],
      })),
    }));
}

/** The settings the guide gives a Galera node, with its values: what completion offers in a server group. */
const GUIDE_SETTINGS: [string, string[], string][] = [
  ['binlog_format', ['ROW'], 'Galera replicates row events only'],
  ['default_storage_engine', ['InnoDB'], 'only InnoDB tables are replicated'],
  ['innodb_autoinc_lock_mode', ['2'], 'interleaved: no table lock on AUTO_INCREMENT'],
  ['innodb_flush_log_at_trx_commit', ['1'], 'every commit reaches the disk before it is acknowledged'],
  ['wsrep_on', ['ON'], 'turns replication on (MariaDB 10.1+)'],
  ['wsrep_provider', ['/usr/lib/galera/libgalera_smm.so'], 'the Galera library'],
  ['wsrep_cluster_name', [], 'the same on every node'],
  ['wsrep_cluster_address', ['gcomm://'], 'gcomm:// followed by every member'],
  ['wsrep_node_name', [], "this node's own name"],
  ['wsrep_node_address', [], "this node's own address"],
  ['wsrep_sst_method', ['mariabackup', 'rsync'], 'how a joining node gets a full copy'],
  ['bind-address', [], "this node's management address (not 0.0.0.0 when HAProxy binds the VIP on 3306)"],
];

export function cnfComplete(file: CnfFile, text: string, offset: number): CompletionResult | undefined {
  const lineStart = typedLineStart(text, offset);
  const prefix = text.slice(lineStart, offset);
  const group = [...file.groups].reverse().find((g) => g.headerSpan.start < lineStart);
  if (!group?.name || !/^(mysqld|mariadb|mariadbd|galera|server|mysqld-[\d.]+|mariadb-[\d.]+)$/.test(group.name)) return undefined;
  const key = /^\s*([\w-]*)$/.exec(prefix);
  if (key) {
    const present = new Set(group.entries.map((e) => e.name));
    // the guide's settings first, then every other option of the server
    const guide = GUIDE_SETTINGS.filter(([k]) => !present.has(k.replace(/-/g, '_'))).map(([k, v, why]): CompletionItem => ({
      label: k,
      kind: 'property',
      detail: why,
      insertText: v.length === 1 ? `${k}=${v[0]}` : `${k}=`,
      sortText: `0${k}`,
    }));
    const known = new Set(GUIDE_SETTINGS.map(([k]) => k.replace(/-/g, '_')));
    const rest = MARIADB_OPTION_NAMES.filter((k) => !known.has(k) && !present.has(k)).map((k): CompletionItem => {
      const o = mariadbOption(k)!;
      return {
        label: k,
        kind: 'property',
        detail: o.d !== undefined ? `default ${o.d}` : undefined,
        insertText: o.t === 'bool' ? k : `${k}=`,
        sortText: `1${k}`,
      };
    });
    return { items: [...guide, ...rest], replaceStart: offset - key[1].length, replaceEnd: offset };
  }
  const value = /^\s*([\w-]+)\s*=\s*([^\s#]*)$/.exec(prefix);
  if (!value) return undefined;
  const setting = GUIDE_SETTINGS.find(([k]) => k.replace(/-/g, '_') === value[1].replace(/-/g, '_'));
  if (setting?.[1].length)
    return {
      items: setting[1].map((v, i) => ({ label: v, kind: 'value', detail: setting[2], insertText: v, preselect: i === 0 })),
      replaceStart: offset - value[2].length,
      replaceEnd: offset,
    };
  // values of a flag or a list, from the server's catalogue
  const o = mariadbOption(value[1]);
  const values = o?.t === 'bool' ? ['ON', 'OFF'] : o?.t === 'enum' ? o.v! : undefined;
  if (!values) return undefined;
  return {
    items: values.map((v) => ({
      label: v,
      kind: 'value',
      detail: v === o!.d || (o!.t === 'bool' && (o!.d === 'TRUE') === (v === 'ON')) ? 'default' : undefined,
      insertText: v,
    })),
    replaceStart: offset - value[2].length,
    replaceEnd: offset,
  };
}
