/**
 * A firewalld zone (/etc/firewalld/zones/*.xml): closed unless its target is ACCEPT; opens its
 * `<service>`s, `<port>`s and accepting `<rule>`s, to the zone's `<source>`s when it names any.
 */
import { El, readXml } from '../../text/xml';
import { emptyFirewall, FwModel, FwOpening, portList, Proto } from './model';
import { richRule, serviceOpenings } from './script';

export function parseZone(text: string): FwModel {
  const model = emptyFirewall('firewalld-zone');
  const doc = readXml(text, model.problems);
  const zone = doc.children.find((e) => e.name === 'zone');
  if (!zone) {
    model.problems.push({ message: 'a firewalld zone file has a <zone> root element', span: { start: 0, end: 0 } });
    return model;
  }
  const target = zone.attrs.get('target')?.value ?? 'default';
  model.closed = target !== 'ACCEPT';
  model.closedBy = {
    span: { start: zone.start, end: zone.start + 5 },
    what: model.closed ? `zone target ${target}` : 'zone target ACCEPT',
  };
  const sources = zone.children.filter((e) => e.name === 'source').map((e) => e.attrs.get('address')?.value ?? '?');
  const portElement = (p: number, proto: Proto) => `<port protocol="${proto}" port="${p}"/>`;
  for (const e of zone.children) {
    const span = { start: e.start, end: e.end };
    let found: FwOpening[] = [];
    if (e.name === 'service')
      found = serviceOpenings(e.attrs.get('name')?.value ?? '', sources, span).map((o) => ({ ...o, clone: portElement }));
    else if (e.name === 'port') {
      const proto = e.attrs.get('protocol')?.value;
      found = [
        {
          proto: proto === 'udp' ? 'udp' : proto === 'tcp' ? 'tcp' : 'any',
          ports: portList(e.attrs.get('port')?.value ?? ''),
          sources,
          span,
          clone: portElement,
        },
      ];
    } else if (e.name === 'rule') {
      const o = ruleOpening(e, span);
      if (o)
        found = [
          {
            ...o,
            sources: o.sources.length ? o.sources : sources,
            clone: (p: number, proto: Proto) =>
              text.slice(e.start, e.end).replace(/<service\s+name=(["'])[^"']*\1\s*\/>|<port\b[^>]*\/>/, portElement(p, proto)),
          },
        ];
    }
    model.opens.push(...found);
  }
  return model;
}

/** A rich `<rule>` element, read through the same reader as `--add-rich-rule` text. */
function ruleOpening(e: El, span: { start: number; end: number }): FwOpening | undefined {
  const parts: string[] = ['rule'];
  for (const c of e.children) {
    const a = (n: string) => c.attrs.get(n)?.value;
    if (c.name === 'source' && a('address'))
      parts.push(`source address="${a('address')}"${a('invert') === 'True' || a('invert') === 'true' ? ' invert' : ''}`);
    else if (c.name === 'port') parts.push(`port port="${a('port')}" protocol="${a('protocol')}"`);
    else if (c.name === 'service') parts.push(`service name="${a('name')}"`);
    else if (c.name === 'accept') parts.push('accept');
  }
  return richRule(parts.join(' '), span);
}
