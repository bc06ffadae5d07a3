import { test } from 'node:test';
import { checkCoro } from '../support/fixture';

test('auto_tie_breaker in production, worse with last_man_standing', () => {
  checkCoro(
    `
  quorum {
      provider: corosync_votequorum
      wait_for_all: 1
      auto_tie_breaker: 1
  #   ^^^^^^^^^^^^^^^^^^^ warning corosync-auto-tie-breaker-production: auto_tie_breaker: 1 lets half of the votes keep quorum when they hold the lowest node id: not for production
  }
  `,
    { rules: ['corosync-auto-tie-breaker-production'] },
  );
  checkCoro(
    `
  quorum {
      provider: corosync_votequorum
      wait_for_all: 1
      last_man_standing: 1
      auto_tie_breaker: 1
  #   ^^^^^^^^^^^^^^^^^^^ warning corosync-auto-tie-breaker-production: auto_tie_breaker: 1 lets half of the votes keep quorum when they hold the lowest node id; with last_man_standing, quorum can shrink to a single node: not for production
  }
  `,
    { rules: ['corosync-auto-tie-breaker-production'] },
  );
});

test("quiet in a test environment, and on last_man_standing alone (the guide's own example)", () => {
  checkCoro('quorum {\n    provider: corosync_votequorum\n    auto_tie_breaker: 1\n}\n', {
    rules: ['corosync-auto-tie-breaker-production'],
    config: { rules: {}, environment: 'test' },
  });
  checkCoro('quorum {\n    provider: corosync_votequorum\n    wait_for_all: 1\n    last_man_standing: 1\n}\n', {
    rules: ['corosync-auto-tie-breaker-production'],
  });
});
