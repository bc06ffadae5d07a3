/**
 * What every node of one corosync cluster must write alike (cluster name, crypto, transport,
 * nodelist), read from a parsed corosync.conf: the file being checked and the other nodes' files
 * (their peer facts) are read by this one function, so they compare like with like.
 */
import { Span } from '../../types';
import { block, CoroBlock, CoroEntry, CoroFile } from './parse';

/** A value as a file writes it, with where. */
export interface Fact {
  value: string;
  span: Span;
}

export interface CorosyncFacts {
  clusterName?: Fact;
  /** totem's crypto_cipher, crypto_hash, secauth, transport, version, as written (the last one wins). */
  totem: Record<string, Fact>;
  nodes: { name?: Fact; addresses: Fact[]; nodeid?: Fact; votes?: Fact; span: Span }[];
  nodelistSpan?: Span;
  /** The quorum section's settings as written (provider, expected_votes, two_node, wait_for_all, ...), for the simulator. */
  quorum?: Record<string, Fact>;
  /** quorum.device's settings (model, votes) and its net block's, the latter as `net.host`, `net.algorithm`, `net.tie_breaker`. */
  device?: Record<string, Fact>;
  quorumSpan?: Span;
}

const fact = (e: CoroEntry | undefined): Fact | undefined => (e ? { value: e.value, span: e.valueSpan } : undefined);

/** A block's entries as written, the last one winning; keys prefixed (`net.host`). */
function settings(b: CoroBlock, prefix: string): Record<string, Fact> {
  const out: Record<string, Fact> = {};
  for (const e of b.entries) out[prefix + e.key] = { value: e.value, span: e.valueSpan };
  return out;
}

export function corosyncFacts(f: CoroFile): CorosyncFacts {
  const totem = block(f.root, 'totem').pop();
  const facts: CorosyncFacts = { clusterName: fact(totem?.entries.filter((e) => e.key === 'cluster_name').pop()), totem: {}, nodes: [] };
  for (const e of totem?.entries ?? [])
    if (/^(crypto_cipher|crypto_hash|secauth|transport|version)$/.test(e.key)) facts.totem[e.key] = { value: e.value, span: e.valueSpan };
  const nodelist = block(f.root, 'nodelist').pop();
  facts.nodelistSpan = nodelist?.nameSpan;
  for (const n of nodelist ? block(nodelist, 'node') : []) {
    const get = (k: string) => fact(n.entries.filter((e) => e.key === k).pop());
    const addresses = n.entries.filter((e) => /^ring\d+_addr$/.test(e.key)).map((e) => ({ value: e.value, span: e.valueSpan }));
    const votes = get('quorum_votes');
    facts.nodes.push({ name: get('name'), addresses, nodeid: get('nodeid'), ...(votes ? { votes } : {}), span: n.nameSpan });
  }
  const quorum = block(f.root, 'quorum').pop();
  if (quorum) {
    facts.quorumSpan = quorum.nameSpan;
    facts.quorum = settings(quorum, '');
    const device = block(quorum, 'device').pop();
    if (device) facts.device = { ...settings(device, ''), ...Object.assign({}, ...block(device, 'net').map((n) => settings(n, 'net.'))) };
  }
  return facts;
}
