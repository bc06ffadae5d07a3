import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkConf, fixed } from '../support/fixture';

test('db-max-retries-infinite: the default 10, an explicit value; -1 is quiet', () => {
  checkConf(
    'cinder.conf',
    `
  [database]
  connection = mysql+pymysql://cinder:pw@10.0.0.11/cinder
  #^^^^^^^^^ info db-max-retries-infinite: [database] max_retries is 10 (the default): the service stops reconnecting before a Galera failover may have finished; -1 retries for ever
  `,
    { rules: ['db-max-retries-infinite'] },
  );
  checkConf('cinder.conf', '[database]\nconnection = mysql+pymysql://cinder:pw@10.0.0.11/cinder\nmax_retries = -1\n', {
    rules: ['db-max-retries-infinite'],
  });
  assert.equal(
    fixed('[database]\nconnection = sqlite://\nmax_retries = 5\n', 'db-max-retries-infinite', undefined, undefined, 'cinder.conf'),
    '[database]\nconnection = sqlite://\nmax_retries = -1\n',
  );
});

test('db-max-retries-infinite also reports the MySQLdb driver, and switches it to PyMySQL', () => {
  checkConf(
    'glance-api.conf',
    `
  [database]
  connection = mysql://glance:pw@10.0.0.11/glance
  #            ^^^^^ info db-max-retries-infinite: [database] connection uses mysql://, the MySQLdb driver; the guide uses mysql+pymysql://, which does not block the service's event loop during a failover
  max_retries = -1
  `,
    { rules: ['db-max-retries-infinite'] },
  );
  assert.equal(
    fixed(
      '[database]\nconnection = mysql://glance:pw@10.0.0.11/glance\nmax_retries = -1\n',
      'db-max-retries-infinite',
      undefined,
      undefined,
      'glance-api.conf',
    ),
    '[database]\nconnection = mysql+pymysql://glance:pw@10.0.0.11/glance\nmax_retries = -1\n',
  );
});
