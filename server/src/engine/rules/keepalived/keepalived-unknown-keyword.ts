/**
 * keepalived-unknown-keyword: what `keepalived -t` rejects in a statement: a misspelt keyword
 * (close to one of keepalived.conf(5)), a state other than MASTER or BACKUP, a word where a number
 * belongs. A keyword the manual does not list and no listed one resembles is left alone: older
 * names (lvs_sync_daemon_interface) are still read.
 */
import { KaRule } from './rule';
import { KaBlock, KaWord } from '../../documents/keepalived/parse';
import { misspeltOf } from '../../text/suggest';
import CATALOGUE from '../../knowledge/keepalived/keywords.json';
import { Fix } from '../../types';

const KEYWORDS = new Set(CATALOGUE.keywords);
const SOURCE = CATALOGUE.source.replace(/ \(.*$/, '');
/** Blocks that list addresses, names or routes rather than keywords. */
const LISTS = /^(virtual_ipaddress(_excluded)?|virtual_routes|virtual_rules|static_ipaddress|static_routes|static_rules|track_\w+|unicast_peer|notification_email|group|interfaces|linkbeat_interfaces)$/;
const NUMBERS = new Set(['virtual_router_id', 'priority', 'advert_int', 'weight', 'interval', 'fall', 'rise', 'timeout', 'garp_master_delay', 'garp_master_repeat', 'garp_master_refresh']);

/** The listed keyword a word is most likely a misspelling of. */
const nearest = (word: string) => misspeltOf(word, KEYWORDS, (w) => KEYWORDS.has(w));

export const rule: KaRule = {
  meta: {
    id: 'keepalived-unknown-keyword', severity: 'error', fixable: true, tools: { 'keepalived -t': 'refuses' }, guide: '2016:intro-ha-arch-keepalived', topic: 'keepalived',
    title: 'A misspelt keyword, a state other than MASTER or BACKUP, or a word where keepalived wants a number',
    why: 'keepalived ignores a keyword it does not know and carries on with the default, so a misspelt priority or track_script silently changes which node holds the VIP; keepalived -t rejects the file. A state in lower case falls back to BACKUP, and a word where a number belongs is ignored.',
  },
  check(ctx) {
    const replace = (w: KaWord, to: string): Fix[] => [{ title: `Change to ${to}`, safe: false, preferred: true, edits: [{ start: w.span.start, end: w.span.end, newText: to }] }];
    const keyword = (w: KaWord | undefined) => {
      const near = w && nearest(w.text);
      if (w && near) ctx.report({ span: w.span, message: `keepalived does not know '${w.text}' (did you mean ${near}?): ${SOURCE} ignores it and keepalived -t rejects the file`, fixes: replace(w, near) });
    };
    const visit = (b: KaBlock) => {
      const name = b.header[0]?.text ?? '';
      if (LISTS.test(name)) return;
      for (const s of b.statements) {
        const [k, v] = s.words;
        keyword(k);
        if (k?.text === 'state' && v && v.text !== 'MASTER' && v.text !== 'BACKUP') {
          const up = v.text.toUpperCase();
          ctx.report({ span: v.span, message: `state ${v.text}: keepalived takes MASTER or BACKUP, in capitals, and falls back to BACKUP`, fixes: up === 'MASTER' || up === 'BACKUP' ? replace(v, up) : [] });
        }
        if (k && v && NUMBERS.has(k.text) && !/^[-+]?\d+(\.\d+)?$/.test(v.text)) ctx.report({ span: v.span, message: `${k.text} ${v.text}: keepalived wants a number here and ignores the setting` });
      }
      for (const c of b.blocks) { keyword(c.header[0]); visit(c); }
    };
    visit(ctx.file.root);
  },
};
