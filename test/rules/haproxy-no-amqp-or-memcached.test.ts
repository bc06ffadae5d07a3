import { test } from 'node:test';
import { checkHa } from '../support/fixture';
import { HAPROXY_DEFAULTS as DEFAULTS } from '../support/stack-files';

test('haproxy-no-amqp-or-memcached', () =>
  checkHa(
    DEFAULTS +
      `
  listen rabbitmq
  #^^^^^^^^^^^^^^ warning haproxy-no-amqp-or-memcached: listen rabbitmq proxies RabbitMQ (port 5672): clients must list every broker in transport_url instead
      bind 10.0.0.11:5672
      server c1 10.0.0.12:5672 check
  `,
    { rules: ['haproxy-no-amqp-or-memcached'] },
  ));

test("services are recognised by their servers' ports, checks, names and backends, not by the bind port alone", () => {
  // RabbitMQ on a shifted VIP port (HAProxy shares the controllers), through a frontend, by name
  checkHa(
    DEFAULTS +
      `
  listen rabbit_vip
  #^^^^^^^^^^^^^^^^ warning haproxy-no-amqp-or-memcached: listen rabbit_vip proxies RabbitMQ (port 5673): clients must list every broker in transport_url instead
      bind 10.0.0.11:5673
      server c1 10.0.0.12:5672 check
  frontend amqp_in
  #^^^^^^^^^^^^^^^ warning haproxy-no-amqp-or-memcached: frontend amqp_in proxies RabbitMQ (port 15673): clients must list every broker in transport_url instead
      bind 10.0.0.11:15673
      default_backend brokers
  backend brokers
      server c1 10.0.0.12:5672 check
  `,
    { rules: ['haproxy-no-amqp-or-memcached'] },
  );
  // a proxy named for RabbitMQ in HTTP mode fronts its management UI, not the brokers
  checkHa(
    `
  defaults
      mode http
  listen rabbitmq_management
      bind 10.0.0.11:15672
      server c1 10.0.0.12:15672 check
      server c2 10.0.0.13:15672 check
  `,
    { rules: ['haproxy-no-amqp-or-memcached'] },
  );
  // Galera on 3307 with clustercheck: the Galera rules still judge it
  checkHa(
    DEFAULTS +
      `
  listen db
  #^^^^^^^^ error haproxy-galera-single-writer: listen db sends Galera traffic to 2 servers (c1, c2): several writers deadlock; keep one and mark the others backup
      bind 10.0.0.11:3307
      balance source
      option httpchk
      server c1 10.0.0.12:3307 check port 9200
      server c2 10.0.0.13:3307 check port 9200
  `,
    { rules: ['haproxy-galera-single-writer'] },
  );
});
