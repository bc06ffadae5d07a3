/**
 * corosync-unknown-key: corosync skips a key it does not know and keeps the default, so a
 * misspelt `tokn: 10000` leaves the token at 1 s. Only a likely misspelling of a key of the manual
 * pages is reported; a value outside what corosync accepts for transport or crypto stops it.
 */
import { defineRule } from './rule';
import { CoroBlock } from '../documents/corosync/parse';
import { misspeltOf } from '../text/suggest';
import { COROSYNC_KEYS, COROSYNC_SOURCE, COROSYNC_VALUES, isCorosyncKey } from '../knowledge/corosync/catalogue';

const nearest = (word: string) => misspeltOf(word, COROSYNC_KEYS, isCorosyncKey, 4);
/** Blocks of corosync 1/2 that corosync 3 reads and ignores (corosync -t accepts them), and what that costs. */
const COROSYNC2_BLOCKS: Record<string, string> = {
  service: 'corosync 3 has no service plugins, so it does not start Pacemaker; run pacemaker.service on its own',
  amf: 'the AMF service is gone from corosync 3',
  aisexec: 'corosync 3 runs as root and takes no user or group from the file',
};

export const rule = defineRule({
  meta: {
    id: 'corosync-unknown-key',
    severity: 'warning',
    fixable: true,
    tools: { 'corosync -t': 'refuses' },
    guide: '2016:controller-ha-pacemaker',
    topic: 'corosync',
    title: 'A misspelt key that corosync ignores, or a transport or crypto value it refuses',
    why: 'corosync skips a key it does not know and carries on with the default, so `tokn: 10000` leaves the token timeout at one second and the cluster fences nodes on a short network blip. A transport, cipher or hash it does not know stops it from starting. corosync 1/2 blocks that corosync 3 ignores (`service { name: pacemaker }`, `amf`, `aisexec`) are reported too: the service block no longer starts Pacemaker.',
  },
  on: {
    corosync(ctx) {
      const visit = (b: CoroBlock) => {
        for (const e of b.entries) {
          const near = nearest(e.key);
          if (near) {
            ctx.report({
              span: e.keySpan,
              message: `corosync does not know '${e.key}' (did you mean ${near}?): ${COROSYNC_SOURCE} ignores it and keeps the default`,
              fixes: [
                {
                  title: `Change to ${near}`,
                  safe: false,
                  preferred: true,
                  edits: [{ start: e.keySpan.start, end: e.keySpan.end, newText: near }],
                },
              ],
            });
            continue;
          }
          const allowed = b.name === 'totem' ? COROSYNC_VALUES[e.key] : undefined;
          if (allowed && !allowed.includes(e.value.trim())) {
            ctx.report({
              span: e.valueSpan,
              severity: 'error',
              message: `${e.key}: ${e.value.trim()} is not one of ${allowed.join(', ')}: corosync refuses to start`,
            });
          }
        }
        for (const c of b.blocks) {
          const ignored = ctx.version === 3 && b === ctx.file.root ? COROSYNC2_BLOCKS[c.name] : undefined;
          if (ignored) {
            ctx.report({ span: c.nameSpan, message: `corosync 3 ignores the ${c.name} block: ${ignored}` });
            continue;
          }
          const near = nearest(c.name);
          if (near)
            ctx.report({
              span: c.nameSpan,
              message: `corosync does not know the block '${c.name}' (did you mean ${near}?): ${COROSYNC_SOURCE} ignores it and everything in it`,
              fixes: [
                {
                  title: `Change to ${near}`,
                  safe: false,
                  preferred: true,
                  edits: [{ start: c.nameSpan.start, end: c.nameSpan.end, newText: near }],
                },
              ],
            });
          visit(c);
        }
      };
      visit(ctx.file.root);
    },
  },
});
