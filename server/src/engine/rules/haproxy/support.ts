/** Facts and edits the haproxy.cfg rules share. */
import { HaSection } from '../../documents/haproxy/parse';
import { HaView } from '../../documents/haproxy/view';
import { indentAt } from '../../text/lines';

/** Which proxies front Galera: port 3306, or a galera/mysql/mariadb name. */
export function galeraProxies(view: HaView): HaSection[] {
  return view.proxies().filter((s) => s.kind !== 'frontend' && view.servers(s).length && view.service(s)?.name === 'galera');
}

/**
 * Whether a proxy sends every connection to one server whatever its balance algorithm: a stick
 * table keyed on the destination (`stick on dst`, or `stick match dst` with `stick store-request
 * dst`) pins all traffic to the VIP on the first server chosen, as the guide's Galera example does.
 */
export function stickOnDst(view: HaView, s: HaSection): boolean {
  const sticks = view.statements(s, 'stick').map((st) => st.args.map((a) => a.text));
  const onDst =
    sticks.some((a) => a[0] === 'on' && a[1] === 'dst') ||
    (sticks.some((a) => a[0] === 'match' && a[1] === 'dst') && sticks.some((a) => a[0] === 'store-request' && a[1] === 'dst'));
  return onDst && (view.statements(s, 'stick-table').length > 0 || sticks.some((a) => a.includes('table')));
}

/** The indentation of a section's statements (four spaces when it has none yet). */
export function indentOf(text: string, s: { statements: { span: { start: number } }[] }): string {
  const first = s.statements[0];
  return first ? indentAt(text, first.span.start) : '    ';
}
