/**
 * keepalived-unknown-keyword: what `keepalived -t` rejects in a statement: a misspelt keyword
 * (close to one of keepalived.conf(5)), a state other than MASTER or BACKUP, a word where a number
 * belongs. A keyword the manual does not list and no listed one resembles is left alone: older
 * names (lvs_sync_daemon_interface) are still read.
 */
import { defineRule } from './rule';
import { KaBlock, KaWord } from '../documents/keepalived/parse';
import { misspeltOf } from '../text/suggest';
import CATALOGUE from '../knowledge/keepalived/keywords.json';
import { Fix } from '../types';

const KEYWORDS = new Set(CATALOGUE.keywords);
/** The keywords of global_defs: a keyword of another block is unknown there (garp_master_delay; global_defs has vrrp_garp_master_delay). */
const GLOBAL_DEFS = new Set(CATALOGUE.global_defs);
/** Keywords that take a value: without one keepalived -t rejects the line (`missing a parameter after keyword`). */
const NEEDS_VALUE = new Set([
  'state',
  'interface',
  'virtual_router_id',
  'priority',
  'advert_int',
  'auth_type',
  'auth_pass',
  'script',
  'interval',
  'weight',
  'fall',
  'rise',
  'router_id',
  'unicast_src_ip',
  'mcast_src_ip',
  'lvs_sched',
  'lb_algo',
  'lvs_method',
  'lb_kind',
  'protocol',
  'delay_loop',
  'connect_timeout',
  'connect_port',
  'script_user',
  'notify_master',
  'notify_backup',
  'notify_fault',
  'notify_stop',
  'notify',
  'garp_master_delay',
  'smtp_server',
  'notification_email_from',
  'persistence_timeout',
]);
const SOURCE = CATALOGUE.source.replace(/ \(.*$/, '');
/** Blocks that list addresses, names or routes rather than keywords. */
const LISTS =
  /^(virtual_ipaddress(_excluded)?|virtual_routes|virtual_rules|static_ipaddress|static_routes|static_rules|track_\w+|unicast_peer|notification_email|group|interfaces|linkbeat_interfaces)$/;
const NUMBERS = new Set([
  'virtual_router_id',
  'priority',
  'advert_int',
  'weight',
  'interval',
  'fall',
  'rise',
  'timeout',
  'garp_master_delay',
  'garp_master_repeat',
  'garp_master_refresh',
]);

/** The listed keyword a word is most likely a misspelling of. */
const nearest = (word: string) => misspeltOf(word, KEYWORDS, (w) => KEYWORDS.has(w));

export const rule = defineRule({
  meta: {
    id: 'keepalived-unknown-keyword',
    severity: 'error',
    fixable: true,
    tools: { 'keepalived -t': 'refuses' },
    guide: '2016:intro-ha-arch-keepalived',
    topic: 'keepalived',
    title:
      'A misspelt keyword, a keyword outside its block or without its value, a state other than MASTER or BACKUP, or a word where keepalived wants a number',
    why: 'keepalived ignores a keyword it does not know and carries on with the default, so a misspelt priority or track_script silently changes which node holds the VIP; keepalived -t rejects the file. A state in lower case falls back to BACKUP, and a word where a number belongs is ignored. A keyword of a VRRP instance in global_defs (garp_master_delay, whose global form is vrrp_garp_master_delay), or a keyword left without its value (`state #STATE#`, where # starts a comment), keepalived -t rejects too.',
  },
  on: {
    keepalived(ctx) {
      const replace = (w: KaWord, to: string): Fix[] => [
        { title: `Change to ${to}`, safe: false, preferred: true, edits: [{ start: w.span.start, end: w.span.end, newText: to }] },
      ];
      const keyword = (w: KaWord | undefined) => {
        const near = w && nearest(w.text);
        if (w && near)
          ctx.report({
            span: w.span,
            message: `keepalived does not know '${w.text}' (did you mean ${near}?): ${SOURCE} ignores it and keepalived -t rejects the file`,
            fixes: replace(w, near),
          });
      };
      const visit = (b: KaBlock) => {
        const name = b.header[0]?.text ?? '';
        if (LISTS.test(name)) return;
        for (const s of b.statements) {
          const [k, v] = s.words;
          if (name === 'global_defs' && k && KEYWORDS.has(k.text) && !GLOBAL_DEFS.has(k.text)) {
            const global = GLOBAL_DEFS.has(`vrrp_${k.text}`) ? `vrrp_${k.text}` : undefined;
            ctx.report({
              span: k.span,
              message: `'${k.text}' is a keyword of another block, not of global_defs${global ? ` (which has ${global})` : ''}: keepalived -t rejects it (Unknown keyword)`,
              fixes: global ? replace(k, global) : [],
            });
            continue;
          }
          keyword(k);
          // `state #STATE#`: what follows # is a comment, so the keyword is left without its value
          if (k && !v && NEEDS_VALUE.has(k.text))
            ctx.report({
              span: k.span,
              message: `${k.text} has no value: keepalived -t rejects the line (missing a parameter after keyword)`,
            });
          if (k?.text === 'state' && v && v.text !== 'MASTER' && v.text !== 'BACKUP') {
            const up = v.text.toUpperCase();
            ctx.report({
              span: v.span,
              message: `state ${v.text}: keepalived takes MASTER or BACKUP, in capitals, and falls back to BACKUP`,
              fixes: up === 'MASTER' || up === 'BACKUP' ? replace(v, up) : [],
            });
          }
          if (k && v && NUMBERS.has(k.text) && !/^[-+]?\d+(\.\d+)?$/.test(v.text))
            ctx.report({ span: v.span, message: `${k.text} ${v.text}: keepalived wants a number here and ignores the setting` });
        }
        for (const c of b.blocks) {
          keyword(c.header[0]);
          visit(c);
        }
      };
      visit(ctx.file.root);
    },
  },
});
