import { defineRule } from './rule';
import { setEntry, totem } from './corosync/support';
import { entry } from '../documents/corosync/parse';

export const rule = defineRule({
  meta: {
    id: 'corosync-token-timeout-low',
    severity: 'warning',
    fixable: true,
    tools: { 'corosync -t': 'accepts' },
    guide: '2016:controller-ha-pacemaker',
    topic: 'corosync-token',
    title: 'totem token below 10000 ms, or token_retransmits_before_loss_const below 10',
    why: "Corosync's defaults (1000 ms, 4 retransmits) notice a lost node quickly but also take a short network blip for a dead node, and the cluster fails over for nothing. The guide uses token: 10000 and token_retransmits_before_loss_const: 10.",
  },
  on: {
    corosync(ctx) {
      const t = totem(ctx.file);
      if (!t) return;
      const tok = entry(t, 'token'),
        rt = entry(t, 'token_retransmits_before_loss_const');
      const token = tok ? Number(tok.value) : 1000,
        retrans = rt ? Number(rt.value) : 4;
      if (!(token < 10000) && !(retrans < 10)) return;
      const low = [
        token < 10000 ? `token ${token} ms${tok ? '' : ' (the default)'}` : '',
        retrans < 10 ? `${retrans} retransmits${rt ? '' : ' (the default)'}` : '',
      ]
        .filter(Boolean)
        .join(' and ');
      ctx.report({
        span: (token < 10000 ? tok : rt)?.valueSpan ?? t.nameSpan,
        message: `totem has ${low}: a network blip longer than about ${token} ms is taken for a dead node; the guide uses token 10000 with 10 retransmits`,
        fixes: [
          {
            title: 'Use token: 10000, token_retransmits_before_loss_const: 10',
            safe: true,
            preferred: true,
            edits: [
              ...(token < 10000 ? [setEntry(ctx.text, t, 'token', '10000')] : []),
              ...(retrans < 10 ? [setEntry(ctx.text, t, 'token_retransmits_before_loss_const', '10')] : []),
            ],
          },
        ],
      });
    },
  },
});
