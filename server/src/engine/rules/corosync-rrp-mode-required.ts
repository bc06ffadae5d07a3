import { defineRule } from './rule';
import { interfaces, setEntry, totem } from './corosync/support';
import { entry, value } from '../documents/corosync/parse';

export const rule = defineRule({
  meta: {
    id: 'corosync-rrp-mode-required',
    severity: 'error',
    fixable: true,
    tools: { 'corosync -t': 'accepts' },
    guide: '2016:controller-ha-pacemaker',
    topic: 'corosync',
    title: 'Several rings but rrp_mode missing or none',
    why: 'A second ring only protects against losing a network when the redundant ring protocol uses it; with rrp_mode none (the default) the extra interface is not used. The guide sets rrp_mode: active. (corosync 3 with knet uses link_mode instead.)',
  },
  on: {
    corosync(ctx) {
      const t = totem(ctx.file);
      const ifs = interfaces(ctx.file);
      if (!t || ifs.length < 2 || value(t, 'transport') === 'knet') return;
      const rrp = entry(t, 'rrp_mode');
      if (rrp && rrp.value !== 'none') return;
      ctx.report({
        span: rrp ? rrp.valueSpan : t.nameSpan,
        message: `totem has ${ifs.length} interfaces but rrp_mode is ${rrp ? 'none' : 'not set (none)'}: only one ring is used, and losing its network loses the cluster`,
        fixes: [{ title: 'Set rrp_mode: active', safe: true, preferred: true, edits: [setEntry(ctx.text, t, 'rrp_mode', 'active')] }],
      });
    },
  },
});
