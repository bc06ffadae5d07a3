/**
 * HAProxy behind a VIP for the failure simulator: which backends of a balanced service the VIP's
 * holder can still reach. HAProxy runs beside the VIP (the holder's HAProxy answers), and sends to
 * the servers its health checks find up: those alive on the holder's side of a partition. Pure: no I/O.
 * Several holders (a duplicate VIP) each answer some clients with what their own side reaches.
 */
import type { Verdict } from './types';

export interface BackendsResult {
  /** The service's nodes the VIP holder's HAProxy reaches. */
  reached: string[];
  verdict: Verdict;
  explain: string;
}

/** "2 of 3 keystone backends (ctl-a, ctl-c)" from one holder's HAProxy. */
function reachWords(service: string, reached: string[], backends: string[]): string {
  const n = backends.length;
  if (n === 0) return `no ${service} backends (none configured)`;
  if (reached.length === 0) return `none of the ${service} backends (${backends.join(', ')})`;
  if (reached.length === n)
    return n === 1 ? `the only ${service} backend (${reached[0]})` : `all ${n} ${service} backends (${reached.join(', ')})`;
  return `${reached.length} of ${n} ${service} backends (${reached.join(', ')})`;
}

/**
 * `holders`: the VIP's holders after the step; `partitions`: the groups of alive nodes;
 * `backends`: the service's nodes.
 */
export function backendsBehind(
  service: string,
  vip: string,
  holders: string[],
  partitions: string[][],
  backends: string[],
): BackendsResult {
  if (holders.length === 0) return { reached: [], verdict: 'down', explain: `VIP ${vip} is held by no node` };
  const behind = holders.map((h) => {
    const side = new Set(partitions.find((p) => p.includes(h)) ?? []);
    const reached = backends.filter((b) => side.has(b));
    return { holder: h, reached, words: `HAProxy on ${h} reaches ${reachWords(service, reached, backends)}` };
  });
  const reached = backends.filter((b) => behind.some((x) => x.reached.includes(b)));
  if (behind.length > 1)
    return {
      reached,
      verdict: 'split-brain',
      explain: `VIP ${vip} is held by ${holders.length} nodes at once (duplicate VIP): ${behind.map((x) => x.words).join('; ')}`,
    };
  const one = behind[0];
  const verdict: Verdict = one.reached.length === 0 ? 'down' : one.reached.length === backends.length ? 'available' : 'degraded';
  return { reached, verdict, explain: one.words };
}
