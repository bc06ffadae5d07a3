/** Hover and outline for host firewalls: what each rule opens, and to whom. */
import { FwModel, FwOpening } from '../documents/firewall/model';
import { Finding } from '../types';
import { DocLink, HoverResult, withFindings } from './hover';
import { SymbolNode } from './navigation';

/** What the HA stack runs on a port, for hovers: the guide's port list. */
const PORT_USE: Record<number, string> = {
  3306: 'MariaDB/Galera clients and mysqldump state transfers',
  4567: 'Galera replication',
  4568: 'Galera incremental state transfer (IST)',
  4444: 'Galera state snapshot transfer (SST)',
  9200: "clustercheck, HAProxy's Galera health check",
  5672: 'RabbitMQ (AMQP)',
  25672: 'RabbitMQ clustering',
  4369: 'Erlang port mapper (RabbitMQ)',
  11211: 'memcached',
  5404: 'Corosync',
  5405: 'Corosync',
  2224: 'pcsd',
  3121: 'Pacemaker Remote',
};

const ports = (o: FwOpening) =>
  o.ports === undefined
    ? 'ports it names through a variable or set'
    : !o.ports.length
      ? 'every port'
      : o.ports.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(', ');
const proto = (o: FwOpening) => (o.proto === 'any' ? 'TCP and UDP' : o.proto.toUpperCase());
const from = (o: FwOpening) => (o.sources.length ? o.sources.join(', ') : 'anywhere');

/** One line per opening: `TCP 3306, 4567 from 10.0.0.0/24`. */
export function describeOpening(o: FwOpening): string {
  return `${proto(o)} ${ports(o)} from ${from(o)}`;
}

export function fwHover(model: FwModel, findings: Finding[], offset: number, docLink: DocLink): HoverResult | undefined {
  const parts: string[] = [];
  let span: { start: number; end: number } | undefined;
  const o = model.opens.find((x) => x.span.start <= offset && offset <= x.span.end);
  if (o) {
    const uses = (o.ports ?? []).flatMap(([a, b]) =>
      Object.keys(PORT_USE)
        .map(Number)
        .filter((p) => a <= p && p <= b && b - a < 1000)
        .map((p) => `- ${p}: ${PORT_USE[p]}`),
    );
    parts.push(
      `**Opens ${describeOpening(o)}**${o.shadowedBy ? '\n\nNever reached: an earlier catch-all rule of the chain drops the traffic first.' : ''}${uses.length ? `\n\n${uses.join('\n')}` : ''}`,
    );
    span = o.span;
  } else if (model.closedBy && model.closedBy.span.start <= offset && offset <= model.closedBy.span.end) {
    parts.push(
      `**Inbound traffic is ${model.closed ? 'closed' : 'open'}** by ${model.closedBy.what}: ${model.closed ? 'only what a rule opens gets in.' : 'everything gets in.'}`,
    );
    span = model.closedBy.span;
  }
  return withFindings(parts, span, findings, offset, docLink);
}

export function fwSymbols(model: FwModel): SymbolNode[] {
  const out: SymbolNode[] = [];
  if (model.closedBy)
    out.push({
      name: model.closedBy.what,
      detail: model.closed ? 'closed' : 'open',
      kind: 'section',
      span: model.closedBy.span,
      selection: model.closedBy.span,
      children: [],
    });
  for (const o of model.opens)
    out.push({
      name: `${proto(o)} ${ports(o)}`,
      detail: `from ${from(o)}${o.shadowedBy ? ' (never reached)' : ''}`,
      kind: 'option',
      span: o.span,
      selection: o.span,
      children: [],
    });
  return out;
}
