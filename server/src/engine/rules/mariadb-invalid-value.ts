/**
 * mariadb-invalid-value: a value the MariaDB server cannot take for its option, judged by the
 * option's kind in Debian's mariadbd catalogue (flag, number, one of a list, a set of a list).
 */
import { defineRule } from './rule';
import { SERVER_GROUPS } from '../documents/galera/parse';
import { closest } from '../text/suggest';
import { MARIADB_BOOLEANS, MARIADB_SOURCE, mariadbOption } from '../knowledge/mariadb/catalogue';
import { Fix } from '../types';
import { shownValue } from '../text/secrets';

const NUMBER = /^-?\d+(\.\d+)?[KMGTPE]?$/i;
const AFFIRMATIVE: Record<string, string> = {
  yes: 'ON',
  y: 'ON',
  enable: 'ON',
  enabled: 'ON',
  no: 'OFF',
  n: 'OFF',
  disable: 'OFF',
  disabled: 'OFF',
};

/** The values a word can stand for: mariadbd takes a value's name or an unambiguous start of it, in any case (INPLAC is INPLACE). */
const matches = (values: readonly string[], v: string) => {
  const exact = values.filter((x) => x.toLowerCase() === v.toLowerCase());
  return exact.length ? exact : values.filter((x) => x.toLowerCase().startsWith(v.toLowerCase()));
};
const takes = (values: readonly string[], v: string) => matches(values, v).length === 1;
/** Why mariadbd does not take `v`: it is none of the values, or the start of several. */
function stands(values: readonly string[], v: string): string {
  const m = matches(values, v);
  return m.length > 1 ? `${v} is the start of ${m.join(', ')}, so it is none of them` : `${v} is not one of ${values.join(', ')}`;
}

export const rule = defineRule({
  meta: {
    id: 'mariadb-invalid-value',
    severity: 'error',
    fixable: true,
    tools: { mariadbd: 'refuses' },
    guide: '2016:controller-ha-galera-config',
    topic: 'galera',
    title: 'A value the MariaDB server does not take for its option',
    why: "mariadbd checks each value against its option: a word outside an option's list (or the start of several of its values; the start of one it takes) stops the server at start, a number with an unknown suffix or a negative number for an unsigned option is an error, and a flag it does not recognise (yes, enabled) is read as OFF, which for wsrep_on silently turns Galera replication off.",
  },
  on: {
    galera(ctx) {
      for (const g of ctx.file.groups) {
        if (!SERVER_GROUPS.test(g.name)) continue;
        for (const e of g.entries) {
          if (e.value === undefined) continue;
          const o = mariadbOption(e.name.replace(/^loose_/, ''));
          if (!o) continue;
          const v = e.value.trim();
          const say = (message: string, severity?: 'warning', fixes: Fix[] = []) =>
            ctx.report({
              span: e.valueSpan,
              message: `[${g.name}] ${e.key}=${shownValue('mariadb', e.name, v)}: ${message}`,
              severity,
              fixes,
            });
          const replace = (to: string): Fix[] => [
            {
              title: `Change to ${to}`,
              safe: false,
              preferred: true,
              edits: [{ start: e.valueSpan.start, end: e.valueSpan.end, newText: to }],
            },
          ];
          if (o.t === 'bool' && !MARIADB_BOOLEANS.includes(v.toUpperCase())) {
            const to = AFFIRMATIVE[v.toLowerCase()];
            say(
              `mariadbd recognises ON/OFF, TRUE/FALSE or 1/0 and reads anything else as OFF${e.name === 'wsrep_on' ? ', so Galera replication is off' : ''}`,
              'warning',
              to ? replace(to) : [],
            );
          } else if (o.t === 'num' && !NUMBER.test(v)) {
            say(`not a number (digits with an optional K, M, G, T, P or E): mariadbd rejects the value`);
          } else if (o.t === 'num' && o.u && v.startsWith('-')) {
            say(`${e.key} takes no negative number: mariadbd refuses to start (Incorrect unsigned value)`);
          } else if (o.t === 'enum' && !/^\d+$/.test(v) && !takes(o.v!, v)) {
            const near = closest(v, o.v!, 1)[0];
            say(
              `${stands(o.v!, v)} (${MARIADB_SOURCE}): mariadbd refuses to start${near ? `; did you mean ${near}?` : ''}`,
              undefined,
              near ? replace(near) : [],
            );
          } else if (o.t === 'set' && v !== '' && v.toUpperCase() !== 'ALL') {
            const bad = v
              .split(',')
              .map((x) => x.trim())
              .filter((x) => x && !takes(o.v!, x));
            if (bad.length)
              say(
                `${bad.map((x) => stands(o.v!, x)).join('; ')} (${MARIADB_SOURCE}): mariadbd refuses to start${bad.length === 1 && closest(bad[0], o.v!, 1)[0] ? `; did you mean ${closest(bad[0], o.v!, 1)[0]}?` : ''}`,
              );
          }
        }
      }
    },
  },
});
