import { defineRule } from './rule';
import { defaultAnchor } from './conf/support';
import { setOption } from '../documents/oslo-conf/edits';

export const rule = defineRule({
  meta: {
    id: 'cinder-host-consistent-ap',
    severity: 'error',
    fixable: true,
    tools: { 'oslo-config-validator': 'accepts' },
    guide: 'storage-ha-block',
    topic: 'cinder-volume-ap',
    title: 'Active/passive cinder-volume nodes advertise different [DEFAULT] host names',
    why: 'cinder-volume records each volume under the host name it advertises. When the standby takes over under another name (its own hostname, by default), the volumes created by the first node can no longer be attached, extended or deleted. Every candidate node must set the same host.',
  },
  on: {
    'oslo-conf'(ctx) {
      const { view } = ctx;
      if (view.catalog.file !== 'cinder.conf') return;
      const peers = ctx.peers.filter((p) => p.kind === 'cinder.conf');
      if (!peers.length) return;
      const mine = view.entry('DEFAULT', 'host');
      const here = mine?.value.trim();
      // an explicit host anywhere, or the manifest, says these nodes are an active/passive pair
      const ap =
        ctx.topology?.modeOf('cinder-volume') === 'active-passive' || here !== undefined || peers.some((p) => p.host !== undefined);
      if (!ap) return;
      const other = peers.find((p) => p.host !== here);
      if (!other) return;
      const name = (h?: string) => (h === undefined ? "unset (the machine's hostname)" : `'${h}'`);
      ctx.report({
        span: mine ? mine.valueSpan : defaultAnchor(view),
        message: `[DEFAULT] host is ${name(here)} here but ${name(other.host)} in ${other.file}: after a failover the volumes created under one name cannot be managed under the other; set the same host on every cinder-volume node`,
        // which of two explicit names is right is the operator's call; an unset one takes the other's
        fixes:
          here === undefined && other.host !== undefined
            ? [
                {
                  title: `Set host = ${other.host}`,
                  safe: false,
                  preferred: true,
                  edits: [setOption(ctx.text, view, 'DEFAULT', 'host', other.host)],
                },
              ]
            : [],
      });
    },
  },
});
