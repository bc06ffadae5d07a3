import { test } from 'node:test';
import { check } from '../support/fixture';

const rules = ['failure-domain-concentration'];

test('fires when one rack holds two of three votes', () =>
  check(
    `
  nodes:
    a: { address: 10.0.0.1, failure_domain: rack-1 }
    b: { address: 10.0.0.2, failure_domain: rack-1 }
    c: { address: 10.0.0.3, failure_domain: rack-2 }
  clusters:
    ctl: { members: [a, b, c] }
  #                 ^^^^^^^^^ warning failure-domain-concentration: 2 of the 3 votes of cluster 'ctl' share failure domain 'rack-1' (a, b); losing it leaves 1, short of the 2 needed for quorum
  `,
    { rules },
  ));

test('half of an even group is enough, and other heavy domains are named', () =>
  check(
    `
  nodes:
    a: { address: 10.0.0.1, failure_domain: feed-a }
    b: { address: 10.0.0.2, failure_domain: feed-a }
    c: { address: 10.0.0.3, failure_domain: feed-b }
    d: { address: 10.0.0.4, failure_domain: feed-b }
  services:
    rabbitmq: { on: [a, b, c, d], mode: clustered }
  #                 ^^^^^^^^^^^^ warning failure-domain-concentration: 2 of the 4 votes of rabbitmq share failure domain 'feed-a' (a, b); losing it leaves 2, short of the 3 needed for a RabbitMQ majority; 'feed-b' holds 2 too
  `,
    { rules },
  ));

test('spread members, or no failure domains at all, do not fire', () =>
  check(
    `
  nodes:
    a: { address: 10.0.0.1, failure_domain: r1 }
    b: { address: 10.0.0.2, failure_domain: r2 }
    c: { address: 10.0.0.3, failure_domain: r3 }
    d: { address: 10.0.0.4 }
    e: { address: 10.0.0.5 }
    f: { address: 10.0.0.6 }
  clusters:
    ctl: { members: [a, b, c] }
    other: { members: [d, e, f] }
  `,
    { rules },
  ));
