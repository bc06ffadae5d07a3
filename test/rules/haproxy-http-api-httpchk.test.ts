import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkHa, fixedHa } from '../support/fixture';
import { HAPROXY_DEFAULTS as DEFAULTS } from '../support/stack-files';

test('haproxy-http-api-httpchk: an API without option httpchk; the metadata API and Telemetry are exempt', () => {
  checkHa(
    DEFAULTS +
      `
  listen nova_api
  #^^^^^^^^^^^^^^ warning haproxy-http-api-httpchk: listen nova_api balances nova-api (an HTTP API) without option httpchk: a server whose API answers errors still counts as up
      bind 10.0.0.11:8774
      server c1 10.0.0.12:8774 check
      server c2 10.0.0.13:8774 check
  listen metadata
      bind 10.0.0.11:8775
      server c1 10.0.0.12:8775 check
      server c2 10.0.0.13:8775 check
  listen ceilometer
      bind 10.0.0.11:8777
      server c1 10.0.0.12:8777 check
  `,
    { rules: ['haproxy-http-api-httpchk'] },
  );
  assert.equal(
    fixedHa('listen nova_api\n    bind 10.0.0.11:8774\n    server c1 10.0.0.12:8774 check\n', 'haproxy-http-api-httpchk'),
    'listen nova_api\n    option httpchk\n    bind 10.0.0.11:8774\n    server c1 10.0.0.12:8774 check\n',
  );
});
