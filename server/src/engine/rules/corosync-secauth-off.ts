import { defineRule } from './rule';
import { isOff, totem } from './corosync/support';
import { entry, value } from '../documents/corosync/parse';

export const rule = defineRule({
  meta: {
    id: 'corosync-secauth-off',
    severity: 'warning',
    fixable: true,
    tools: { 'corosync -t': 'refuses' },
    guide: '2016:controller-ha-pacemaker',
    topic: 'corosync',
    title: 'Cluster traffic is neither authenticated nor encrypted',
    why: 'With secauth (corosync 2) or crypto_cipher/crypto_hash (corosync 3) the nodes prove they share /etc/corosync/authkey and encrypt their traffic; without it anything on the network can join or disturb the membership that fencing decisions rest on.',
  },
  on: {
    corosync(ctx) {
      const t = totem(ctx.file);
      if (!t) return;
      const secauth = entry(t, 'secauth');
      const cipher = value(t, 'crypto_cipher'),
        hash = value(t, 'crypto_hash');
      const crypto = (cipher && cipher !== 'none') || (hash && hash !== 'none');
      const transport = entry(t, 'transport');
      if (crypto && transport && transport.value !== 'knet') {
        ctx.report({
          span: transport.valueSpan,
          severity: 'error',
          message: `crypto_cipher and crypto_hash work only with the knet transport; with ${transport.value} corosync refuses to start`,
        });
        return;
      }
      if (crypto || (secauth && !isOff(secauth.value))) return;
      const knet = (value(t, 'transport') ?? 'knet') === 'knet' && !value(t, 'rrp_mode');
      ctx.report({
        span: secauth ? secauth.valueSpan : t.nameSpan,
        message: secauth
          ? 'secauth: off: cluster traffic is neither authenticated nor encrypted'
          : 'totem sets neither secauth nor crypto_cipher/crypto_hash: cluster traffic is neither authenticated nor encrypted',
        fixes: secauth
          ? [
              {
                title: 'Set secauth: on',
                safe: false,
                preferred: true,
                edits: [{ start: secauth.valueSpan.start, end: secauth.valueSpan.end, newText: 'on' }],
              },
            ]
          : knet
            ? []
            : [],
      });
    },
  },
});
