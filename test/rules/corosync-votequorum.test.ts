import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/engine/fixes';
import { lintCorosync } from '../../server/src/engine/lint';

test('expected_votes overrides the nodelist: above it quorum is out of reach, below it a minority is quorate', () => {
  const nodes = (n: number) =>
    Array.from({ length: n }, (_, i) => `    node {\n        ring0_addr: 10.0.0.${i + 1}\n        nodeid: ${i + 1}\n    }\n`).join('');
  const at = (n: number, ev: number, extra = '') =>
    lintCorosync(`nodelist {\n${nodes(n)}}\nquorum {\n    provider: corosync_votequorum\n    expected_votes: ${ev}\n${extra}}\n`)
      .findings.filter((f) => f.rule === 'corosync-votequorum')
      .map((f) => `${f.severity}: ${f.message}`);
  assert.deepEqual(at(3, 3), []);
  assert.deepEqual(at(3, 7), [
    "error: expected_votes: 7 overrides the nodelist's 3 votes, so quorum needs 4: more votes than the nodelist has, so the cluster is never quorate",
  ]);
  assert.deepEqual(at(3, 4), [
    "error: expected_votes: 4 overrides the nodelist's 3 votes, so quorum needs 3: every node must be up, so the cluster cannot lose a single node (with the nodelist's count it survives 1)",
  ]);
  assert.deepEqual(at(5, 6), [
    "warning: expected_votes: 6 overrides the nodelist's 5 votes, so quorum needs 4: the cluster survives 1 failed node instead of 2",
  ]);
  assert.deepEqual(at(4, 2), [
    "error: expected_votes: 2 overrides the nodelist's 4 votes, so quorum needs 2: until all 4 have been seen (at a cold start), both sides of a 2:2 split can be quorate and run the same resources",
  ]);
  assert.deepEqual(at(5, 4), [
    "warning: expected_votes: 4 overrides the nodelist's 5 votes, so quorum needs 3: corosync uses the lower count until all 5 votes have been seen; drop the line and let the nodelist count them",
  ]);
  // two_node sets quorum itself; corosync-two-node-consistency judges that
  assert.deepEqual(at(2, 2, '    two_node: 1\n'), []);
  const text = `nodelist {\n${nodes(3)}}\nquorum {\n    provider: corosync_votequorum\n    expected_votes: 7\n}\n`;
  const f = lintCorosync(text).findings.find((x) => x.rule === 'corosync-votequorum')!;
  assert.equal(applyEdits(text, f.fixes[0].edits), text.replace('    expected_votes: 7\n', ''));
});
