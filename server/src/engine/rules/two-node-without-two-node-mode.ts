import { defineRule } from './rule';
import { Fix } from '../types';
import { setKey, setKeys } from '../documents/manifest/edits';
import { memberNames } from '../documents/manifest/queries';
import { ClusterDef } from '../documents/manifest/model';

export const rule = defineRule({
  meta: {
    id: 'two-node-without-two-node-mode',
    severity: 'error',
    fixable: true,
    topic: 'two-node-cluster',
    guide: '2016:controller-ha-pacemaker',
    title: 'A two-member Pacemaker cluster without corosync two_node: true',
    why: 'Two votes have no majority after a split, so without two_node both nodes lose quorum and stop everything. two_node lowers quorum to one vote, and wait_for_all keeps a node that boots alone from fencing its peer.',
  },
  on: {
    manifest(ctx) {
      for (const c of ctx.manifest.clusters.values()) {
        if (c.manager !== 'pacemaker' || memberNames(c).length !== 2 || c.quorumDevice || !c.members) continue;
        if (c.corosync?.twoNode?.value === true) continue;
        const span = c.corosync?.twoNode?.span ?? c.members.span;
        ctx.report({
          span,
          message: `cluster '${c.name}' has 2 members without corosync two_node: after a 1:1 split neither node has the 2 votes quorum needs, so both stop their resources`,
          fixes: fix(ctx.text, c),
        });
      }
    },
  },
});

function fix(text: string, c: ClusterDef): Fix[] {
  if (!c.map) return [];
  const title = 'Set corosync: { two_node: true, wait_for_all: true }';
  if (c.corosync?.map) {
    return [
      {
        title,
        safe: true,
        preferred: true,
        edits: setKeys(text, c.corosync.map, [
          ['two_node', 'true'],
          ['wait_for_all', 'true'],
        ]),
      },
    ];
  }
  if (c.corosyncEntry && !c.corosync) return []; // corosync holds something that is not a mapping: the schema check says so
  return [{ title, safe: true, preferred: true, edits: [setKey(text, c.map, 'corosync', '{ two_node: true, wait_for_all: true }')] }];
}
