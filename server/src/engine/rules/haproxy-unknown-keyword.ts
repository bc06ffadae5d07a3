import { defineRule } from './rule';
import { HaRuleContext } from './haproxy/rule';
import { closest } from '../text/suggest';
import {
  BIND_OPTIONS,
  GLOBAL_KEYWORDS,
  HAPROXY_VERSION,
  PROXY_KEYWORDS as PROXY,
  SERVER_OPTIONS,
  Where,
} from '../knowledge/haproxy/keywords';
import { Arg, Statement } from '../documents/haproxy/parse';

const GLOBAL = new Set<string>(GLOBAL_KEYWORDS);
const FIRST_WORDS = Object.freeze([...new Set(Object.keys(PROXY).map((k) => k.split(' ')[0]))]);

/** The longest catalogue keyword the statement starts with (`capture request header`, `option httpchk`, `bind`). */
function lookup(st: Statement): { key: string; where: Where } | undefined {
  const words = [st.keyword.text, ...st.args.map((a) => a.text)];
  // `no option x` and `default option x` invert or reset an option
  const base = (words[0] === 'no' || words[0] === 'default') && words[1] === 'option' ? words.slice(1) : words;
  for (let n = 3; n >= 1; n--) {
    const key = base.slice(0, n).join(' ');
    if (PROXY[key]) return { key, where: PROXY[key] };
  }
  return undefined;
}

/**
 * HAProxy refuses a bind or server option it does not know; a value (`inter 2000`, `crt x.pem`) is
 * skipped with its option, and a line is reported once, as HAProxy stops at its first unknown word.
 */
function lineOptions(args: Arg[], known: Record<string, boolean>, what: 'bind' | 'server', ctx: HaRuleContext): void {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.text in known) {
      if (known[a.text]) i++;
      continue;
    }
    const near = closest(a.text, Object.keys(known), 1);
    ctx.report({
      span: a.span,
      message: `'${a.text}' is not a ${what} option of HAProxy ${HAPROXY_VERSION}${near.length ? `; did you mean '${near[0]}'?` : ''}: HAProxy refuses to start`,
      fixes: near.map((n) => ({
        title: `Change to '${n}'`,
        safe: false,
        preferred: true,
        edits: [{ start: a.span.start, end: a.span.end, newText: n }],
      })),
    });
    return;
  }
}

export const rule = defineRule({
  meta: {
    id: 'haproxy-unknown-keyword',
    severity: 'error',
    fixable: true,
    tools: { 'haproxy -c': 'refuses' },
    title: 'A keyword HAProxy does not know, or does not take in this section',
    why: 'HAProxy refuses to start on an unknown keyword (`haproxy -c` reports it), and on an unknown option of a bind, server or default-server line (`bind :443 trasparent`, `check inetr 2000`). Keywords and options are checked against the manual of the HAProxy version Debian ships. A keyword in a kind of section that does not take it (`bind` in a backend) is a warning: HAProxy ignores it and starts.',
  },
  on: {
    haproxy(ctx) {
      for (const s of ctx.view.file.sections) {
        for (const st of s.statements) {
          if (s.kind === 'global') {
            if (GLOBAL.has(st.keyword.text)) continue;
            const near = closest(st.keyword.text, GLOBAL, 1);
            ctx.report({
              span: st.keyword.span,
              message: `'${st.keyword.text}' is not a global keyword of HAProxy ${HAPROXY_VERSION}${near.length ? `; did you mean '${near[0]}'?` : ''}`,
              fixes: near.map((n) => ({
                title: `Change to '${n}'`,
                safe: false,
                preferred: true,
                edits: [{ start: st.keyword.span.start, end: st.keyword.span.end, newText: n }],
              })),
            });
            continue;
          }
          if (s.kind !== 'defaults' && s.kind !== 'frontend' && s.kind !== 'listen' && s.kind !== 'backend') continue;
          // the options of a server line (after its name and address) or a default-server line
          if (st.keyword.text === 'server' || st.keyword.text === 'default-server')
            lineOptions(st.keyword.text === 'server' ? st.args.slice(2) : st.args, SERVER_OPTIONS, 'server', ctx);
          // a sample's `bind <Virtual IP>:443` splits in two words: placeholder-value reports it
          if (st.keyword.text === 'bind' && st.args[0] && !st.args[0].text.startsWith('<'))
            lineOptions(st.args.slice(1), BIND_OPTIONS, 'bind', ctx);
          const found = lookup(st);
          if (found) {
            // HAProxy warns and ignores it (`haproxy -c` still passes): a warning, not an error
            if (!found.where[s.kind])
              ctx.report({
                span: st.keyword.span,
                severity: 'warning',
                message: `'${found.key}' is not allowed in a ${s.kind} section: HAProxy ignores it`,
              });
            continue;
          }
          const isTwoWord = ['option', 'timeout', 'stats', 'http-check', 'capture', 'email-alert'].includes(st.keyword.text) && st.args[0];
          const target = isTwoWord ? st.args[0] : st.keyword;
          const pool = isTwoWord
            ? Object.keys(PROXY)
                .filter((k) => k.startsWith(`${st.keyword.text} `))
                .map((k) => k.slice(st.keyword.text.length + 1))
            : FIRST_WORDS;
          const near = closest(target.text, pool, 1);
          ctx.report({
            span: isTwoWord ? { start: st.keyword.span.start, end: target.span.end } : target.span,
            message: `'${isTwoWord ? `${st.keyword.text} ${target.text}` : target.text}' is not a keyword of HAProxy ${HAPROXY_VERSION}${near.length ? `; did you mean '${isTwoWord ? `${st.keyword.text} ` : ''}${near[0]}'?` : ''}`,
            fixes: near.map((n) => ({
              title: `Change to '${n}'`,
              safe: false,
              preferred: true,
              edits: [{ start: target.span.start, end: target.span.end, newText: n }],
            })),
          });
        }
      }
    },
  },
});
