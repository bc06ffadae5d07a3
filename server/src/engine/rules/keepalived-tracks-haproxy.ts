import { defineRule } from './rule';
import { indentAt } from '../text/lines';
import { instances, name, vips } from './keepalived/support';
import { blocks, stmt } from '../documents/keepalived/parse';
import { lineStartAt } from '../text/line-breaks';
import { TextEdit } from '../types';

export const rule = defineRule({
  meta: {
    id: 'keepalived-tracks-haproxy',
    severity: 'warning',
    fixable: true,
    tools: { 'keepalived -t': 'accepts' },
    guide: 'control-plane-stateless',
    topic: 'keepalived',
    title: 'A VRRP instance holds a VIP without tracking HAProxy',
    why: 'keepalived keeps the VIP where VRRP puts it, whether or not HAProxy runs there: a node whose HAProxy died keeps the address and every API behind it is unreachable. A track_script (or track_process) on HAProxy moves the VIP to a node where it runs. Judged where HAProxy is in play: the deployment runs it, or the file names it; a VIP for another service is left alone.',
  },
  on: {
    keepalived(ctx) {
      const { file, text } = ctx;
      const checksHaproxy = new Set<string>();
      for (const s of blocks(file.root, 'vrrp_script'))
        if (
          /haproxy/.test(
            stmt(s, 'script')
              ?.words.slice(1)
              .map((w) => w.text)
              .join(' ') ?? '',
          )
        )
          checksHaproxy.add(s.header[1]?.text ?? '');
      for (const s of blocks(file.root, 'vrrp_track_process'))
        if (/haproxy/.test(stmt(s, 'process')?.words[1]?.text ?? '')) checksHaproxy.add(s.header[1]?.text ?? '');
      // HAProxy is in play when the deployment runs it on the nodes, or the file itself names it (a script
      // that checks it, a comment); a VIP for another service (DNS, a Kubernetes API, PostgreSQL) is not HAProxy's
      const haproxyHere = /haproxy/i.test(text) || !!ctx.topology?.hostsOf('haproxy')?.length;
      if (!haproxyHere) return;
      for (const i of instances(file)) {
        if (!vips(i).length) continue;
        const tracked = [...blocks(i, 'track_script'), ...blocks(i, 'track_process')].flatMap((b) =>
          b.statements.map((s) => s.words[0].text),
        );
        if (tracked.some((t) => checksHaproxy.has(t))) continue;
        const lineStart = lineStartAt(text, i.span.start);
        const indent = indentAt(text, i.span.start);
        // a script that checks HAProxy already is tracked as it is; a chk_haproxy that checks something else keeps its name
        const existing = [...checksHaproxy].find(Boolean);
        const taken = blocks(file.root, 'vrrp_script').some((s) => s.header[1]?.text === 'chk_haproxy');
        const script = existing ?? (taken ? 'chk_haproxy_process' : 'chk_haproxy');
        // keepalived takes one track_script block: a second one would be a duplicate, so the script joins the first
        const present = blocks(i, 'track_script')[0];
        const edits = present
          ? [joinBlock(text, present.span.start, present.bodyEnd, script)]
          : [{ start: i.bodyEnd, end: i.bodyEnd, newText: `    track_script {\n${indent}        ${script}\n${indent}    }\n${indent}` }];
        if (!existing) {
          edits.unshift({
            start: lineStart,
            end: lineStart,
            newText: `${indent}vrrp_script ${script} {\n${indent}    script "/usr/bin/killall -0 haproxy"\n${indent}    interval 2\n${indent}}\n\n`,
          });
        }
        ctx.report({
          span: i.header[0].span,
          message: `vrrp_instance ${name(i)} holds ${vips(i)
            .map((v) => v.address)
            .join(', ')} without tracking HAProxy: the VIP stays on a node whose HAProxy is down`,
          fixes: [{ title: `Track HAProxy with ${existing ? 'the' : 'a'} ${script} script`, safe: false, preferred: true, edits }],
        });
      }
    },
  },
});

/** `name` added to a block's items: on its own line above a `}` that starts its line, else before the `}`. */
function joinBlock(text: string, blockStart: number, close: number, name: string): TextEdit {
  const closeLine = lineStartAt(text, close);
  if (!text.slice(closeLine, close).trim())
    return { start: closeLine, end: closeLine, newText: `${indentAt(text, blockStart)}    ${name}\n` };
  return { start: close, end: close, newText: `${/\s/.test(text[close - 1] ?? '') ? '' : ' '}${name} ` };
}
