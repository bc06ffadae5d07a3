/** The haproxy.cfg rules of the HA guide. */
import { HaRule } from './rule';
import { rule as cookieDuplicate } from './haproxy-cookie-duplicate';
import { haproxyRule as placeholderValue } from '../placeholder-value';
import { rule as bindVip } from './haproxy-bind-vip';
import { rule as serverHealthCheck } from './haproxy-server-health-check';
import { rule as httpApiHttpchk } from './haproxy-http-api-httpchk';
import { rule as galeraSingleWriter } from './haproxy-galera-single-writer';
import { rule as galeraNoRoundrobin } from './haproxy-galera-no-roundrobin';
import { rule as galeraCheckMismatch } from './haproxy-galera-check-mismatch';
import { rule as defaultsTimeouts } from './haproxy-defaults-timeouts';
import { rule as noAmqpOrMemcached } from './haproxy-no-amqp-or-memcached';
import { rule as backendAllControllers } from './haproxy-backend-all-controllers';
import { rule as unknownKeyword } from './haproxy-unknown-keyword';
import { rule as sysctlNonlocalBind } from './sysctl-nonlocal-bind';
import { rule as servicePortCollision } from './haproxy-service-port-collision';
import { rule as clustercheckEndpoint } from './galera-clustercheck-endpoint';

import { rule as backendsDiffer } from './haproxy-backends-differ';

export const HAPROXY_RULES: readonly HaRule[] = [
  unknownKeyword, placeholderValue,
  bindVip, serverHealthCheck, httpApiHttpchk, galeraSingleWriter, galeraNoRoundrobin, galeraCheckMismatch, defaultsTimeouts,
  noAmqpOrMemcached, backendAllControllers, servicePortCollision, sysctlNonlocalBind, clustercheckEndpoint, cookieDuplicate, backendsDiffer,
];
